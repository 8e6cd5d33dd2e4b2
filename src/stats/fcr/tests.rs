use super::*;
use crate::schema::Kind;
use crate::stats::fixtures::{F::*, frame};

#[test]
fn fcr_is_a_ratio_of_sums_and_implausible_batches_are_left_out() {
    // Pigs: 300 kg feed / 100 kg gain (own brand) and 125 / 50 (other): Σ 425 / Σ 150 =
    // 2.8333 (the mean of the ratios would be 2.75). A batch with FCR 8 and one that lost
    // weight are listed and left out.
    #[rustfmt::skip]
    let df = frame(
        Kind::Batch,
        &[
            &[("farm", T("甲")), ("species", T("生猪")), ("start_date", D("2026-05-01")), ("end_date", D("2026-10-01")), ("start_weight_kg", N(100.0)), ("end_weight_kg", N(200.0)), ("feed_kg", N(300.0)), ("feed_brand", T("金穗")), ("head_in", N(10.0)), ("deaths", N(1.0))],
            &[("farm", T("乙")), ("species", T("生猪")), ("start_date", D("2026-05-01")), ("end_date", D("2026-10-02")), ("start_weight_kg", N(50.0)), ("end_weight_kg", N(100.0)), ("feed_kg", N(125.0)), ("feed_brand", T("正大")), ("head_in", N(10.0)), ("deaths", N(0.0))],
            &[("farm", T("丙")), ("species", T("生猪")), ("start_date", D("2026-05-01")), ("end_date", D("2026-10-03")), ("start_weight_kg", N(50.0)), ("end_weight_kg", N(100.0)), ("feed_kg", N(400.0))],
            &[("farm", T("丁")), ("species", T("生猪")), ("start_date", D("2026-05-01")), ("end_date", D("2026-10-04")), ("start_weight_kg", N(50.0)), ("end_weight_kg", N(40.0)), ("feed_kg", N(100.0))],
        ],
    );
    let f = compute(
        &df,
        &Period::parse("2026-10").unwrap(),
        &Template::builtin(),
    )
    .unwrap();
    let pigs = f
        .groups
        .records_where("grouping", "species")
        .next()
        .unwrap();
    assert_eq!(pigs.num("batches"), Some(2.0));
    assert!((pigs.num("fcr").unwrap() - 425.0 / 150.0).abs() < 1e-12);
    assert_eq!(pigs.num("mortality"), Some(0.05));
    assert_eq!(f.issues.len(), 2);
    assert_eq!(f.issues[0].raw, "8.00");
    assert_eq!(f.issues[1].reason, Reason::NoGain);
    let own = f.species_brand.first().unwrap();
    assert_eq!((own.num(OWN), own.num(OTHER)), (Some(3.0), Some(2.5)));
    // One group per brand, flagged; and own against others pooled.
    let group = |g: &str| f.groups.records_where("group", g).next().unwrap();
    let jinsui = group("生猪/金穗");
    assert_eq!(
        (jinsui.text("grouping"), jinsui.num("fcr")),
        (Some("species_brand"), Some(3.0))
    );
    assert_eq!(*jinsui.get("own_brand"), Val::Bool(true));
    assert_eq!(*group("生猪/正大").get("own_brand"), Val::Bool(false));
    assert_eq!(group("生猪/其他品牌").text("grouping"), Some("species_own"));
    assert_eq!(group("生猪/本公司品牌").num("fcr"), Some(3.0));
}

#[test]
fn the_plausible_range_is_inclusive() {
    let t = Template::builtin();
    // Pigs: 1.8–4.5.
    assert!(batch_problem(&t, "生猪", 450.0, 100.0).is_none());
    assert!(batch_problem(&t, "生猪", 180.0, 100.0).is_none());
    assert!(batch_problem(&t, "生猪", 451.0, 100.0).is_some());
    assert!(batch_problem(&t, "未知", 9000.0, 100.0).is_none());
    assert_eq!(
        batch_problem(&t, "生猪", 1.0, 0.0).unwrap().1,
        Reason::NoGain
    );
}
