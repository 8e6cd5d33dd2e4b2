//! Every file-level problem is one line naming the file (and sheet), and the other files
//! are still read. Messages are asserted exactly, in Chinese (the default) and in English.

use std::io::Write;

use crate::workdir::*;

fn good(w: &Workdir) {
    w.xlsx(
        "good.xlsx",
        &[(
            "Sheet1",
            vec![
                complaint_header(),
                vec![
                    S("G1"),
                    D(2026, 10, 1),
                    S("电话"),
                    S("甲"),
                    S("完成"),
                    D(2026, 10, 2),
                ],
            ],
        )],
    );
}

/// Runs `check` on the bad file and a good one, in Chinese and in English: the bad file's
/// line, the good file used.
fn expect_error(w: &Workdir, bad: &str, zh: &str, en: &str) {
    good(w);
    w.run(&["check", bad, "good.xlsx"])
        .expect_code(1)
        .expect_stderr_line(zh)
        .expect_stdout("good.xlsx [Sheet1]\n  类型:A 客诉登记")
        .expect_stdout("  行:读取 1 = 使用 1 + 跳过 0 + 拒收 0");
    w.run(&["check", bad, "good.xlsx", "--lang", "en"])
        .expect_code(1)
        .expect_stderr_line(en)
        .expect_stdout("good.xlsx [Sheet1]\n  kind:    A 客诉登记")
        .expect_stdout("  rows:    read 1 = used 1 + skipped 0 + rejected 0");
}

#[test]
fn missing_path() {
    let w = Workdir::new();
    expect_error(
        &w,
        "missing.xlsx",
        "tsreport: missing.xlsx:找不到文件",
        "tsreport: missing.xlsx: file not found",
    );
}

#[test]
fn empty_file() {
    let w = Workdir::new();
    w.write("empty.xlsx", b"");
    expect_error(
        &w,
        "empty.xlsx",
        "tsreport: empty.xlsx:文件是空的(0 字节)",
        "tsreport: empty.xlsx: the file is empty (0 bytes)",
    );
}

#[test]
fn text_renamed_to_xlsx() {
    let w = Workdir::new();
    w.write("renamed.xlsx", "受理日期,受理方式\n2026-10-01,电话\n");
    expect_error(
        &w,
        "renamed.xlsx",
        "tsreport: renamed.xlsx:不是电子表格:这个 .xlsx 文件是纯文本;如果是逗号或制表符分隔的,请把扩展名改为 .csv",
        "tsreport: renamed.xlsx: not a spreadsheet: this .xlsx file holds plain text; if it is comma- or tab-separated, rename it to .csv",
    );
}

#[test]
fn unicode_text_saved_as_xls() {
    let w = Workdir::new();
    // Excel's "Unicode text": UTF-16 with its byte-order mark, tab separated.
    let text = "受理日期\t受理方式\r\n2026-10-01\t电话\r\n";
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    w.write("unicode.xls", &bytes);
    expect_error(
        &w,
        "unicode.xls",
        "tsreport: unicode.xls:不是电子表格:这个 .xls 文件是纯文本;如果是逗号或制表符分隔的,请把扩展名改为 .csv",
        "tsreport: unicode.xls: not a spreadsheet: this .xls file holds plain text; if it is comma- or tab-separated, rename it to .csv",
    );
}

#[test]
fn html_saved_as_xls() {
    let w = Workdir::new();
    w.write(
        "export.xls",
        "<html><body><table><tr><td>受理日期</td></tr></table></body></html>",
    );
    expect_error(
        &w,
        "export.xls",
        "tsreport: export.xls:不是电子表格:这个 .xls 文件是网页(有些系统这样导出表格);请在 Excel 或 WPS 中打开并另存为 .xlsx",
        "tsreport: export.xls: not a spreadsheet: this .xls file is an HTML page (some systems export tables this way); open it in Excel or WPS and save it as .xlsx",
    );
}

#[test]
fn unsupported_extension() {
    let w = Workdir::new();
    w.write("notes.txt", "hello");
    expect_error(
        &w,
        "notes.txt",
        "tsreport: notes.txt:不支持的文件类型(应为 .xlsx、.xlsm、.xls、.ods 或 .csv)",
        "tsreport: notes.txt: unsupported file type (expected .xlsx, .xlsm, .xls, .ods or .csv)",
    );
}

#[test]
fn spreadsheet_of_another_program() {
    let w = Workdir::new();
    w.write("台账.xlsb", b"PK\x03\x04");
    expect_error(
        &w,
        "台账.xlsb",
        "tsreport: 台账.xlsb:读不了 .xlsb 格式的表格:请在 Excel 中打开,另存为 .xlsx 后再运行",
        "tsreport: 台账.xlsb: a .xlsb spreadsheet cannot be read: open it in Excel, save it as .xlsx and run again",
    );
}

#[test]
fn truncated_zip() {
    let w = Workdir::new();
    good(&w);
    let bytes = std::fs::read(w.path("good.xlsx")).unwrap();
    w.write("cut.xlsx", &bytes[..bytes.len() / 2]);
    expect_error(
        &w,
        "cut.xlsx",
        "tsreport: cut.xlsx:工作簿已损坏或不完整:无法读取 .xlsx 文件(请重新导出或重新保存)",
        "tsreport: cut.xlsx: corrupt or truncated workbook: the .xlsx container cannot be read (re-export or re-save the file)",
    );
}

#[test]
fn password_protected_workbook() {
    // Excel saves an encrypted .xlsx as a compound file holding EncryptionInfo and
    // EncryptedPackage streams.
    let w = Workdir::new();
    let mut comp = cfb::create(w.path("secret.xlsx")).unwrap();
    comp.create_stream("EncryptionInfo")
        .unwrap()
        .write_all(&[4, 0, 4, 0, 0x40, 0, 0, 0])
        .unwrap();
    comp.create_stream("EncryptedPackage")
        .unwrap()
        .write_all(&[0u8; 256])
        .unwrap();
    comp.flush().unwrap();
    drop(comp);
    expect_error(
        &w,
        "secret.xlsx",
        "tsreport: secret.xlsx:工作簿设有密码;请另存一份不带密码的副本再试",
        "tsreport: secret.xlsx: the workbook is password-protected; save a copy without a password and try again",
    );
}

#[test]
fn sheet_without_a_recognisable_header() {
    let w = Workdir::new();
    w.xlsx(
        "odd.xlsx",
        &[(
            "Sheet1",
            vec![
                vec![S("受理日期"), S("客户名称"), S("金额")],
                vec![D(2026, 10, 1), S("甲"), N(5.0)],
            ],
        )],
    );
    expect_error(
        &w,
        "odd.xlsx",
        "tsreport: odd.xlsx [Sheet1]:无法识别的工作表:最接近 A 客诉登记,但缺少必需列 受理方式(表头在前 30 个非空行中查找)",
        "tsreport: odd.xlsx [Sheet1]: unrecognised sheet: closest to A 客诉登记 (complaint register), but the required column(s) 受理方式 are missing (header searched in the first 30 non-blank rows)",
    );
}

#[test]
fn sheet_claiming_an_absurd_range_is_refused_before_allocating() {
    let w = Workdir::new();
    w.xlsx_with("huge.xlsx", |wb| {
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "受理日期").unwrap();
        ws.write_string(1_048_575, 16_383, "x").unwrap();
    });
    expect_error(
        &w,
        "huge.xlsx",
        "tsreport: huge.xlsx [Sheet1]:工作表声明的范围是 A1:XFD1048576(17179869184 个单元格),超过上限 200000000;拒收(按 Ctrl+End 找到并删除表格外的内容后保存)",
        "tsreport: huge.xlsx [Sheet1]: the sheet claims the range A1:XFD1048576 (17179869184 cells), more than the limit of 200000000 cells; refused",
    );
}

#[test]
fn far_cell_without_a_declared_range_is_refused() {
    let w = Workdir::new();
    let p = w.xlsx_with("far.xlsx", |wb| {
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "受理日期").unwrap();
        ws.write_string(1_048_575, 16_383, "x").unwrap();
    });
    rezip(&p, "xl/worksheets/sheet1.xml", |x| {
        x.replacen("<dimension ref=\"A1:XFD1048576\"/>", "", 1)
    });
    expect_error(
        &w,
        "far.xlsx",
        "tsreport: far.xlsx [Sheet1]:单元格 XFD1048576 超出 1000 列的上限;拒收",
        "tsreport: far.xlsx [Sheet1]: cell XFD1048576 lies beyond the limit of 1000 columns; refused",
    );
}

#[test]
fn part_decompressing_past_the_budget_is_refused() {
    let w = Workdir::new();
    let p = w.xlsx("big.xlsx", &[("Sheet1", vec![complaint_header()])]);
    // The first part bigger than 1000 bytes, found by reading the zip directory here.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&p).unwrap()).unwrap();
    let (name, size) = (0..zip.len())
        .map(|i| {
            let f = zip.by_index(i).unwrap();
            (f.name().unwrap().to_string(), f.size())
        })
        .find(|(_, size)| *size > 1000)
        .unwrap();
    w.write("limits.toml", "[limits]\nmax_part_bytes = 1000\n");
    w.run(&["check", "big.xlsx", "--template", "limits.toml"])
        .expect_code(1)
        .expect_stderr_line(&format!(
            "tsreport: big.xlsx:其中的 {name} 解压后有 {size} 字节,超过上限 1000 字节;拒收"
        ));
    w.run(&["check", "big.xlsx", "--template", "limits.toml", "--lang", "en"])
        .expect_code(1)
        .expect_stderr_line(&format!(
            "tsreport: big.xlsx: part {name} would decompress to {size} bytes, more than the limit of 1000 bytes; refused"
        ));
}

#[test]
fn folder_with_a_bad_file_still_reads_the_rest_and_skips_lock_files() {
    let w = Workdir::new();
    good(&w);
    std::fs::create_dir(w.path("in")).unwrap();
    std::fs::rename(w.path("good.xlsx"), w.path("in/good.xlsx")).unwrap();
    w.write("in/~$good.xlsx", b"lock");
    w.write("in/.hidden.csv", b"x");
    w.write("in/readme.txt", b"notes");
    w.write("in/sub/empty.csv", b"");
    // A WPS workbook holds a sheet the report would lack: reported, not passed over.
    w.write("in/出差.et", b"\xD0\xCF\x11\xE0");
    w.run(&["check", "in", "--lang", "en"])
        .expect_code(1)
        .expect_stderr_line(&format!(
            "tsreport: {}: the file is empty (0 bytes)",
            std::path::Path::new("in/sub/empty.csv").display()
        ))
        .expect_stderr_line(&format!(
            "tsreport: {}: a .et spreadsheet cannot be read: open it in WPS Spreadsheets, save it as .xlsx and run again",
            std::path::Path::new("in/出差.et").display()
        ))
        .expect_stdout("Read 2 file(s), 1 sheet(s).")
        .expect_stdout("Not inputs (not spreadsheets, or files tsreport wrote), passed over:\n  in/readme.txt");
}

/// Rewrites the declared uncompressed size of `part` in both zip headers (the local one and
/// the central directory's) to `declared`, as a crafted file would.
fn understate(path: &std::path::Path, part: &str, declared: u32) {
    let mut bytes = std::fs::read(path).unwrap();
    let u16_at = |b: &[u8], i: usize| u16::from_le_bytes([b[i], b[i + 1]]) as usize;
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap()) as usize;
    let mut i = 0;
    let mut patched = 0;
    while i + 46 < bytes.len() {
        if bytes[i..i + 4] == [0x50, 0x4b, 0x01, 0x02] {
            let name_len = u16_at(&bytes, i + 28);
            if &bytes[i + 46..i + 46 + name_len] == part.as_bytes() {
                bytes[i + 24..i + 28].copy_from_slice(&declared.to_le_bytes());
                let local = u32_at(&bytes, i + 42);
                bytes[local + 22..local + 26].copy_from_slice(&declared.to_le_bytes());
                patched += 1;
            }
        }
        i += 1;
    }
    assert_eq!(patched, 1, "{part} not found");
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_zip_understating_a_parts_size_is_stopped_while_streaming() {
    let w = Workdir::new();
    let mut rows = vec![complaint_header()];
    for n in 0..400 {
        rows.push(vec![
            S("K"),
            D(2026, 10, 1 + n % 28),
            S("电话"),
            S("甲乙丙丁戊己庚辛"),
            S("完成"),
            B,
        ]);
    }
    let p = w.xlsx("lying.xlsx", &[("Sheet1", rows)]);
    let real = {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&p).unwrap()).unwrap();
        zip.by_name("xl/worksheets/sheet1.xml").unwrap().size()
    };
    assert!(real > 20_000, "{real}");
    // The directory says 2,000 bytes — under the 8,000-byte budget — but the sheet holds more.
    understate(&p, "xl/worksheets/sheet1.xml", 2000);
    w.write("limits.toml", "[limits]\nmax_part_bytes = 8000\n");
    w.run(&["check", "lying.xlsx", "--template", "limits.toml"])
        .expect_code(1)
        .expect_stderr_line("tsreport: lying.xlsx [Sheet1]:工作表解压后比压缩包目录中声明的大小更大(文件已损坏或被篡改),已停止读取;拒收")
        .expect_stdout("lying.xlsx [Sheet1]  —     0     0     0     0");
}

#[test]
fn shared_strings_understating_their_size_are_stopped_too() {
    let w = Workdir::new();
    let mut rows = vec![complaint_header()];
    for n in 0..600 {
        rows.push(vec![
            S("K"),
            D(2026, 10, 1),
            S("电话"),
            S(Box::leak(
                format!("客户{n:04}甲乙丙丁戊己").into_boxed_str(),
            )),
            S("完成"),
            B,
        ]);
    }
    let p = w.xlsx("lying.xlsx", &[("Sheet1", rows)]);
    understate(&p, "xl/sharedStrings.xml", 2000);
    w.write("limits.toml", "[limits]\nmax_part_bytes = 200000\n");
    w.run(&["check", "lying.xlsx", "--template", "limits.toml"])
        .expect_code(1)
        .expect_stderr_line("tsreport: lying.xlsx:工作簿的某一部分解压后比压缩包目录中声明的大小更大(文件已损坏或被篡改),已停止读取;拒收");
}
