#!/usr/bin/env python3
"""Small, uncompressed (stored) .xlsx and .ods seeds (and one deflated) for the `xlsx` and `ods` fuzz targets.

The committed workbooks are deflated, so a byte flip lands in compressed data and rarely
reaches the XML readers; in a stored zip the XML is plain bytes the fuzzer (and its
dictionary, `dict/`) can mutate. Usage: python3 make_seeds.py OUT_DIR (writes OUT_DIR/xlsx/
and OUT_DIR/ods/)."""
import io
import os
import sys
import zipfile

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '{sheets}'
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')
STYLES = ('<?xml version="1.0" encoding="UTF-8"?>'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts>'
          '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>'
          '<xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

SHARED = ['客诉登记表', '受理日期', '客户名称', '产品品种', '投诉类别', '处理状态', '张三养殖场', '猪料', '质量', '已结案']

SHEET_SHARED = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="s"><v>3</v></c>'
    '<c r="D3" t="s"><v>4</v></c><c r="E3" t="s"><v>5</v></c></row>'
    '<row r="4"><c r="A4" s="1"><v>46000</v></c><c r="B4" t="s"><v>6</v></c><c r="C4" t="s"><v>7</v></c>'
    '<c r="D4" t="s"><v>8</v></c><c r="E4" t="s"><v>9</v></c><c r="F4"><v>1.5E3</v></c></row>')
SHEET_INLINE = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>受理日期</t></is></c>'
    '<c r="B1" t="inlineStr"><is><r><t>客户</t></r><r><t>名称</t></r></is></c>'
    '<c r="C1" t="str"><f>1+1</f><v>数量</v></c></row>'
    '<row r="2"><c r="A2" s="2"><v>45999.5</v></c><c r="B2" t="inlineStr"><is><t xml:space="preserve"> 李四 </t></is></c>'
    '<c r="C2" t="n"><v>-3</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c>'
    '<c r="F2" t="d"><v>2026-03-01T00:00:00</v></c></row>')


def xlsx(sheets, merge=False, dimension=None, compression=zipfile.ZIP_STORED):
    names = ''.join(f'<sheet name="表{i + 1}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i in range(len(sheets)))
    wb = f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS}><sheets>{names}</sheets></workbook>'
    rels = ''.join(
        f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
        for i in range(len(sheets)))
    n = len(sheets)
    rels += (f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
             f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>')
    wbrels = f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
    over = ''.join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(n))
    sst = ''.join(f'<si><t>{s}</t></si>' for s in SHARED)
    sst = f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="{len(SHARED)}" uniqueCount="{len(SHARED)}">{sst}</sst>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', compression) as z:
        z.writestr('[Content_Types].xml', CT.format(sheets=over))
        z.writestr('_rels/.rels', RELS)
        z.writestr('xl/workbook.xml', wb)
        z.writestr('xl/_rels/workbook.xml.rels', wbrels)
        z.writestr('xl/styles.xml', STYLES)
        z.writestr('xl/sharedStrings.xml', sst)
        for i, rows in enumerate(sheets):
            dim = f'<dimension ref="{dimension}"/>' if dimension else ''
            merges = '<mergeCells count="1"><mergeCell ref="A1:E1"/></mergeCells>' if merge else ''
            z.writestr(f'xl/worksheets/sheet{i + 1}.xml',
                       f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}>{dim}<sheetData>{rows}</sheetData>{merges}</worksheet>')
    return out.getvalue()


ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
ODS_ROWS = (
    '<table:table-row><table:table-cell table:number-columns-spanned="3" office:value-type="string"><text:p>客诉登记表</text:p></table:table-cell></table:table-row>'
    '<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="4"/></table:table-row>'
    '<table:table-row><table:table-cell office:value-type="string"><text:p>受理日期</text:p></table:table-cell>'
    '<table:table-cell office:value-type="string"><text:p>客户<text:s/>名称</text:p></table:table-cell>'
    '<table:table-cell office:value-type="string"><text:p>数量</text:p></table:table-cell></table:table-row>'
    '<table:table-row><table:table-cell office:value-type="date" office:date-value="2026-03-01T08:00:00"><text:p>2026/3/1</text:p></table:table-cell>'
    '<table:table-cell office:value-type="string"><text:p>张三</text:p><text:p>养殖场</text:p></table:table-cell>'
    '<table:table-cell office:value-type="float" office:value="12.5"><text:p>12.5</text:p></table:table-cell>'
    '<table:table-cell office:value-type="percentage" office:value="0.5"/>'
    '<table:table-cell office:value-type="boolean" office:boolean-value="true"/>'
    '<table:table-cell office:value-type="time" office:time-value="PT12H30M00S"/></table:table-row>')


def ods(sheets):
    tables = ''.join(f'<table:table table:name="表{i + 1}">{rows}</table:table>' for i, rows in enumerate(sheets))
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} office:version="1.2">'
               f'<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_STORED) as z:
        z.writestr('mimetype', 'application/vnd.oasis.opendocument.spreadsheet')
        z.writestr('META-INF/manifest.xml', manifest)
        z.writestr('content.xml', content)
    return out.getvalue()


def main():
    out = sys.argv[1]
    seeds = {
        'xlsx': {
            'stored-shared': xlsx([SHEET_SHARED]),
            'stored-inline': xlsx([SHEET_INLINE]),
            'stored-two-sheets-merged': xlsx([SHEET_SHARED, SHEET_INLINE], merge=True, dimension='A1:F4'),
            # A megabyte of sheet deflated to a kilobyte: read through the view that
            # inflates large parts ahead (src/ingest/ahead/).
            'deflated-megabyte-sheet': xlsx([SHEET_SHARED + ' ' * (1 << 20)],
                                            compression=zipfile.ZIP_DEFLATED),
        },
        'ods': {
            'stored-one': ods([ODS_ROWS]),
            'stored-two': ods([ODS_ROWS, ODS_ROWS]),
        },
    }
    for ext, files in seeds.items():
        os.makedirs(os.path.join(out, ext), exist_ok=True)
        for name, data in files.items():
            with open(os.path.join(out, ext, name), 'wb') as f:
                f.write(data)


if __name__ == '__main__':
    main()
