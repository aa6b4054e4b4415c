#!/usr/bin/env python3
"""Writes a made-up registry of N schools as CSV and XLSX, for measuring import-schools (docs/benchmarks.md)."""
import sys, zipfile, random
n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
out = sys.argv[2] if len(sys.argv) > 2 else "registry"
random.seed(18)
header = ["Номер", "Полное название", "Населённый пункт", "Тип населённого пункта", "Размер", "Статус", "Широта", "Долгота", "Директор"]
rows = []
for i in range(1, n + 1):
    rows.append([str(i), f"МБОУ СОШ № {i} (образец)", f"Населённый пункт {i % 300} (образец)", random.choice(["город", "село"]),
                 random.choice(["малая", "средняя", "большая"]), random.choice(["флагман", "молодой директор", "низкие результаты", "другое"]),
                 f"{44 + random.random() * 2:.5f}", f"{38 + random.random() * 2:.5f}", f"Директор {i} (образец)"])
with open(out + ".csv", "w", encoding="utf-8") as f:
    for r in [header] + rows:
        f.write(";".join(r) + "\r\n")
def esc(s): return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
def col(c): return chr(ord("A") + c)
sheet = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
for ri, r in enumerate([header] + rows, start=1):
    cells = []
    for ci, v in enumerate(r):
        ref = f"{col(ci)}{ri}"
        if ri > 1 and ci in (6, 7):
            cells.append(f'<c r="{ref}"><v>{v}</v></c>')
        else:
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{esc(v)}</t></is></c>')
    sheet.append(f'<row r="{ri}">{"".join(cells)}</row>')
sheet.append("</sheetData></worksheet>")
with zipfile.ZipFile(out + ".xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Школы" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/worksheets/sheet1.xml", "".join(sheet))
