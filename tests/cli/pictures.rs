//! Chart pictures: every chart as a valid 1600×900 PNG and an SVG, Chinese drawn (not boxes),
//! the same bytes on every run, English with `--lang en`.

use crate::workdir::*;

const CHARTS: [&str; 4] = [
    "complaints_by_channel",
    "complaints_by_category",
    "complaints_by_status",
    "complaints_monthly",
];

fn report(w: &Workdir, out: &str, extra: &[&str]) {
    crate::report::month_fixture(w);
    let mut args = vec!["report", "in", "--period", "2026-10", "--out", out];
    args.extend(extra);
    w.run(&args).expect_code(0);
}

#[test]
fn every_chart_is_a_1600_by_900_png_and_an_svg() {
    let w = Workdir::new();
    report(&w, "out", &[]);
    for name in CHARTS {
        let png = std::fs::read(w.path(&format!("out/charts/{name}.png"))).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{name}");
        let img = image::load_from_memory(&png).unwrap().to_rgb8();
        assert_eq!(img.dimensions(), (1600, 900), "{name}");
        let svg = std::fs::read_to_string(w.path(&format!("out/charts/{name}.svg"))).unwrap();
        assert!(
            svg.starts_with("<svg")
                && svg.contains("width=\"1600\"")
                && svg.contains("height=\"900\""),
            "{name}"
        );
        assert!(svg.contains("Noto Sans CJK SC"), "{name}: no font stack");
    }
    // The SVG keeps the Chinese labels as text.
    let svg = std::fs::read_to_string(w.path("out/charts/complaints_by_channel.svg")).unwrap();
    for label in ["受理方式 2026-10", "电话", "来访", "其他/未识别"] {
        assert!(svg.contains(label), "{label} missing");
    }
}

#[test]
fn the_title_band_holds_drawn_glyphs() {
    let w = Workdir::new();
    report(&w, "out", &[]);
    let img = image::open(w.path("out/charts/complaints_by_channel.png"))
        .unwrap()
        .to_rgb8();
    // The title is centred in the top 90 pixels: count dark pixels there. A font that could
    // not draw Chinese would leave it nearly empty (or draw a few boxes).
    let dark = |x0: u32, x1: u32, y0: u32, y1: u32| {
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| img.get_pixel(x, y).0.iter().all(|c| *c < 128))
            .count()
    };
    let title = dark(500, 1100, 0, 90);
    assert!(title > 800, "only {title} dark pixels in the title");
    assert_eq!(dark(0, 40, 0, 40), 0, "the corner should be blank");
    // Chinese glyphs, not the boxes a font without them draws: the first glyphs of the title
    // (受理方式) must all differ from each other; missing glyphs are one identical box each.
    let is_dark = |x: u32, y: u32| img.get_pixel(x, y).0.iter().all(|c| *c < 128);
    let used: Vec<bool> = (0..1600).map(|x| (0..65).any(|y| is_dark(x, y))).collect();
    let mut glyphs: Vec<Vec<Vec<bool>>> = Vec::new();
    let mut x = 0;
    while x < 1600 && glyphs.len() < 4 {
        if !used[x] {
            x += 1;
            continue;
        }
        let start = x;
        while x < 1600 && used[x] {
            x += 1;
        }
        glyphs.push(
            (start..x)
                .map(|cx| (0..65).map(|y| is_dark(cx as u32, y)).collect())
                .collect(),
        );
    }
    assert_eq!(glyphs.len(), 4, "fewer than four glyphs in the title");
    for i in 0..4 {
        for j in i + 1..4 {
            assert_ne!(
                glyphs[i], glyphs[j],
                "title glyphs {i} and {j} are the same shape (missing-glyph boxes?)"
            );
        }
    }
    // More than one colour in the plot: bars are drawn.
    let blue = (100..800)
        .filter(|&y| img.get_pixel(380, y).0 == [0x2E, 0x75, 0xB6])
        .count();
    assert!(blue > 100, "the 电话 bar is missing ({blue})");
}

#[test]
fn pictures_are_byte_identical_across_runs() {
    let w = Workdir::new();
    report(&w, "a", &[]);
    w.run(&["report", "in", "--period", "2026-10", "--out", "b"])
        .expect_code(0);
    for name in CHARTS {
        for ext in ["png", "svg"] {
            let a = std::fs::read(w.path(&format!("a/charts/{name}.{ext}"))).unwrap();
            let b = std::fs::read(w.path(&format!("b/charts/{name}.{ext}"))).unwrap();
            assert!(a == b, "{name}.{ext} differs");
        }
    }
}

#[test]
fn english_labels_with_lang_en() {
    let w = Workdir::new();
    report(&w, "en", &["--lang", "en"]);
    let svg = std::fs::read_to_string(w.path("en/charts/complaints_by_channel.svg")).unwrap();
    assert!(svg.contains("Complaints by channel 2026-10"), "{svg}");
    let wb: calamine::Xlsx<_> =
        calamine::open_workbook(w.path("en/technical-service-report_2026-10.xlsx")).unwrap();
    use calamine::Reader;
    assert_eq!(
        wb.sheet_names(),
        [
            "Overview",
            "Complaints",
            "Complaint lists",
            "Department feedback",
            "Market share",
            "Farm feed",
            "Prices",
            "Feed conversion",
            "Diseases",
            "Forecast",
            "Field visits",
            "Technicians",
            "Trips and attendance",
            "Data problems"
        ]
    );
    // Dimension values in summary.json stay the canonical Chinese.
    let s = std::fs::read_to_string(w.path("en/summary.json")).unwrap();
    assert!(s.contains("\"channel\": \"电话\""));
}

#[test]
fn a_font_that_is_not_a_font_is_refused() {
    let w = Workdir::new();
    crate::report::month_fixture(&w);
    w.write("bad.ttf", "not a font");
    w.run(&["report", "in", "--period", "2026-10", "--font", "bad.ttf"])
        .expect_code(1)
        .expect_stderr_line("tsreport: bad.ttf 不是 TrueType/OpenType 字体(不支持 .ttc 字体集,请先提取其中一个字体)");
}
