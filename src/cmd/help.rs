//! `--help` in the user's language. The doc comments on the arguments are the English help;
//! this table gives the Chinese one, and Chinese headings, so that a clerk reads
//! `tsreport --help` in Chinese by default (`--lang en` or `TSREPORT_LANG=en` for English).

use clap::{Arg, ArgAction, Command};

use crate::lang::Lang;

/// An argument's id and its Chinese help.
type ArgHelp = (&'static str, &'static str);

/// Chinese help per subcommand: its description and each argument's help by id.
const ZH: &[(&str, &str, &[ArgHelp])] = &[
    (
        "",
        "把技术服务部每月导出的表格(客诉登记、现场访问、现场拜访、出差简报、市场调查)变成部门的统计报表。",
        &[(
            "lang",
            "输出语言:zh(中文,默认)或 en(英文);也可设环境变量 TSREPORT_LANG",
        )],
    ),
    (
        "report",
        "出期间统计报表:工作簿、图表图片、主管简报(brief.md 和 brief.html)和 summary.json(默认写到 reports/<期间>/)",
        &[
            ("out", "输出文件夹(默认 reports/<期间>/)"),
            ("strict", "有任何一行被拒收时以退出码 1 结束(报表仍会写出)"),
            (
                "font",
                "图表图片使用的 TrueType/OpenType 字体,代替内置的中文字体",
            ),
        ],
    ),
    (
        "check",
        "月底前检查导出文件:每张表被识别成什么、每一行的去向和数据问题。发现问题时退出码为 1。",
        &[(
            "all",
            "逐条列出每一个问题(默认按工作表和原因归类,每类举三例)",
        )],
    ),
    (
        "review",
        "为每位技术员写自查工作簿 review/<技术员>.xlsx:本人指标与部门中位数和排名、本人环比、本期拜访和投诉清单",
        &[
            (
                "technician",
                "只为这位技术员(可重复给出)。默认:本期有记录的每个人",
            ),
            ("out", "输出文件夹(默认 reports/<期间>/review/)"),
        ],
    ),
    (
        "sample",
        "写出一套带随机种子的示例数据,每种输入都有",
        &[
            ("out", "写入的文件夹"),
            ("seed", "随机种子;同一种子总是写出完全相同的文件"),
            ("months", "记录的月数,截止 2026-10"),
            ("rows_per_month", "每月投诉数(拜访、出差和调查按比例增减)"),
            (
                "complaints_only",
                "只写一个大的客诉登记表,表头上方有标题行(用于性能测试)",
            ),
            (
                "shared_strings",
                "与 --complaints-only 同用:使用共享字符串表,如 Excel 另存后那样",
            ),
            (
                "one_file_per_month",
                "与 --complaints-only 同用:每月一个登记表文件",
            ),
            (
                "open_share",
                "与 --complaints-only 同用:这一比例的投诉仍未结案(例如 0.3),即积压",
            ),
        ],
    ),
    (
        "template",
        "显示内置模板,或复制一份以便编辑",
        &[
            (
                "show",
                "显示内置模板(列名别名、取值同义词、本公司品牌、各项上限)",
            ),
            ("init", "把内置模板复制到 FILE,编辑后用 --template 传入"),
        ],
    ),
];

/// Chinese help of the arguments several subcommands share.
const ZH_SHARED: &[ArgHelp] = &[
    (
        "inputs",
        "要读取的文件和文件夹(.xlsx .xlsm .xls .ods .csv;文件夹会递归读取)",
    ),
    (
        "period",
        "期间:2026-10、2026-Q3、2026-H1、2026 或 2026-01-01..2026-03-15。默认:有记录的最近一个月;若该月尚未结束,则为上一个月",
    ),
    (
        "template",
        "叠加在内置模板上的模板文件(增加列名别名、取值同义词、本公司品牌)",
    ),
    (
        "lang",
        "输出语言:zh(中文,默认)或 en(英文);也可设环境变量 TSREPORT_LANG",
    ),
];

const ZH_TEMPLATE: &str = "{about-with-newline}\n用法:{usage}\n\n{before-help}命令:\n{subcommands}\n\n选项:\n{options}{after-help}";
const ZH_SUB_TEMPLATE: &str =
    "{about-with-newline}\n用法:{usage}\n\n参数:\n{positionals}\n\n选项:\n{options}{after-help}";

/// The language asked for before the arguments are parsed: `--lang en`/`--lang=en` on the
/// command line or `TSREPORT_LANG=en`.
pub fn lang_asked() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let flag = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_string)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned().unwrap_or_default()))
    });
    let asked = flag.or_else(|| std::env::var("TSREPORT_LANG").ok());
    if asked.is_some_and(|l| l.eq_ignore_ascii_case("en")) {
        Lang::En
    } else {
        Lang::Zh
    }
}

/// The command line's help in `lang`.
pub fn localise(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let mut cmd = zh_args(cmd, "")
        .help_template(ZH_TEMPLATE)
        .disable_help_subcommand(true);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name.as_str(), |sub| {
            zh_args(sub, &name).help_template(ZH_SUB_TEMPLATE)
        });
    }
    cmd
}

/// The Chinese description and argument help of subcommand `name` ("" for the top level).
fn zh_args(cmd: Command, name: &str) -> Command {
    let Some((_, about, args)) = ZH.iter().find(|(n, _, _)| *n == name) else {
        return cmd;
    };
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let mut cmd = cmd
        .about(*about)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助"),
        );
    if name.is_empty() {
        cmd = cmd.arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本"),
        );
    }
    for id in ids {
        let help = args
            .iter()
            .chain(ZH_SHARED)
            .find(|(a, _)| *a == id)
            .map(|(_, h)| *h);
        if let Some(help) = help {
            // The Chinese help names the default and the values itself.
            cmd = cmd.mut_arg(id.as_str(), |a| {
                let a = a.help(help);
                if a.get_action().takes_values() {
                    a.hide_default_value(true)
                        .hide_possible_values(true)
                        .hide_env(true)
                } else {
                    a
                }
            });
        }
    }
    cmd
}
