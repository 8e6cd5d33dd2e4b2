use std::io::Write;

use super::*;

fn user_template(text: &str) -> (tempfile::NamedTempFile, Result<Template, TemplateError>) {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(text.as_bytes()).unwrap();
    let t = Template::load(Some(f.path()));
    (f, t)
}

#[test]
fn builtin_template_parses_and_maps_spec_synonyms() {
    let t = Template::builtin();
    assert_eq!(t.lookup(Dimension::Channel, "来电"), Lookup::Label("电话"));
    assert_eq!(
        t.lookup(Dimension::Channel, " 质监局 "),
        Lookup::Label("质量/公证机构告知")
    );
    assert_eq!(t.lookup(Dimension::Status, "已结案"), Lookup::Label("完成"));
    assert_eq!(t.lookup(Dimension::Status, "CLOSED"), Lookup::Label("完成"));
    assert_eq!(
        t.lookup(Dimension::Responsibility, "我司"),
        Lookup::Label("公司")
    );
    assert_eq!(t.lookup(Dimension::Dept, "质检"), Lookup::Label("品管"));
    assert_eq!(
        t.lookup(Dimension::FirstAction, "上门处理"),
        Lookup::Label("现场访问")
    );
    assert_eq!(t.lookup(Dimension::Channel, "飞鸽传书"), Lookup::Unknown);
    assert_eq!(t.match_header(Kind::Complaint, "投诉日期"), Some(1));
    assert!(t.is_footer("合计:"));
}

#[test]
fn subtotal_rows_end_with_their_marker() {
    let t = Template::load(None).unwrap();
    for total in [
        "城东小计",
        "城东 小计",
        "10月合计:",
        "二〇二六年总计",
        "小计",
        "制表人:王芳",
    ] {
        assert!(t.is_footer(total), "{total}");
    }
    // A first cell that merely holds a marker inside is data.
    for data in [
        "城东",
        "KS202610-001",
        "统计员张伟",
        "计划小计表",
        "2026-10-03",
        "",
    ] {
        assert!(!t.is_footer(data), "{data}");
    }
}

#[test]
fn a_template_saved_by_notepad_in_gbk_or_with_a_bom_reads_the_same() {
    let text = "own_brands = [\"金穗\", \"新牌\"]\r\n";
    for bytes in [
        encoding_rs::GBK.encode(text).0.into_owned(),
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    ] {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(&bytes).unwrap();
        let t = Template::load(Some(f.path())).unwrap();
        assert_eq!(t.own_brands, ["金穗", "新牌"]);
    }
}

#[test]
fn own_brands_alone_is_a_complete_template_and_replaces() {
    let (_f, t) = user_template("own_brands = [\"金穗\", \"丰农\", \"新牌\"]\n");
    let t = t.unwrap();
    assert_eq!(t.own_brands, ["金穗", "丰农", "新牌"]);
    assert!(t.is_own_brand(" 新牌 "));
    // Built-in aliases are still there.
    assert_eq!(t.match_header(Kind::Complaint, "登记日期"), Some(1));
}

#[test]
fn user_aliases_and_synonyms_extend_the_builtin_ones() {
    let text = "[aliases.complaint]\nreceived_date = [\"来电日期\"]\n\n[synonyms.channel]\n\"电话\" = [\"400热线\"]\n";
    let (_f, t) = user_template(text);
    let t = t.unwrap();
    assert_eq!(t.match_header(Kind::Complaint, "来电日期"), Some(1));
    assert_eq!(t.match_header(Kind::Complaint, "投诉日期"), Some(1));
    assert_eq!(
        t.lookup(Dimension::Channel, "400热线"),
        Lookup::Label("电话")
    );
    assert_eq!(t.lookup(Dimension::Channel, "来电"), Lookup::Label("电话"));
}

#[test]
fn unknown_keys_are_errors_naming_key_and_file() {
    let (f, t) = user_template("own_brand = [\"x\"]\n");
    let msg = t.unwrap_err().text(Lang::En);
    assert!(msg.contains("own_brand"), "{msg}");
    assert!(msg.contains(&f.path().display().to_string()), "{msg}");

    let (_f, t) = user_template("[aliases.complaint]\nreceive_date = [\"x\"]\n");
    let msg = t.unwrap_err().text(Lang::En);
    assert!(
        msg.contains("unknown key `aliases.complaint.receive_date`"),
        "{msg}"
    );

    let (_f, t) = user_template("[synonyms.channel]\n\"电邮\" = [\"x\"]\n");
    let msg = t.unwrap_err().text(Lang::En);
    assert!(msg.contains("unknown key `synonyms.channel.电邮`"), "{msg}");
}

#[test]
fn an_alias_naming_two_fields_is_refused() {
    let (_f, t) = user_template("[aliases.complaint]\nclosed_date = [\"投诉日期\"]\n");
    let e = t.unwrap_err();
    let msg = e.text(Lang::En);
    assert!(msg.contains("alias of both"), "{msg}");
    assert!(e.text(Lang::Zh).contains("同时是"), "{}", e.text(Lang::Zh));
}
