"""Builds the hostile corpus and measures the server against it; driven by bench/hostile-input.sh."""
import io, json, os, subprocess, sys, threading, time, urllib.error, urllib.request, zipfile

base, pid, admin, reporter, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
os.makedirs(folder, exist_ok=True)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def rss_mb():
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def workbook(sheet_parts, shared_parts=None, doctype=""):
    """A workbook whose sheet (and shared strings) are streamed from generators of text chunks into the archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   + ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' if shared_parts else "")
                   + "</Types>")
        z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets><sheet name="Scorecard" sheetId="1" r:id="rId1"/><sheet name="About" sheetId="2" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
                   + (f'<Relationship Id="rId2" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>' if shared_parts else "") + "</Relationships>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<worksheet xmlns="{MAIN}"><sheetData>'.encode())
            for chunk in sheet_parts:
                sheet.write(chunk.encode())
            sheet.write(b"</sheetData></worksheet>")
        if shared_parts:
            with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as shared:
                shared.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'.encode())
                for chunk in shared_parts:
                    shared.write(chunk.encode())
                shared.write(b"</sst>")
    return buffer.getvalue()


def header_row():
    yield '<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c><c r="B1" t="inlineStr"><is><t>Kind</t></is></c></row>'


def repeat(text, times):
    for _ in range(times):
        yield text


def chain(*parts):
    for part in parts:
        yield from part


def deep_yaml(depth): return ("- " * depth + "x\n").encode()


# What each case sends: (name, method, path, token, content type, body builder).
def cases():
    rounds = json.load(urllib.request.urlopen(request("GET", "/api/v1/rounds", reporter)))
    current = next(r for r in rounds if r["status"] == "Open")["id"]
    cards = json.load(urllib.request.urlopen(request("GET", f"/api/v1/rounds/{current}/scorecards", reporter)))
    card = next(c for c in cards if c["body"]["code"] == "WG-TIP")["id"]
    entry = json.load(urllib.request.urlopen(request("GET", f"/api/v1/scorecards/{card}", reporter)))["entries"][0]
    code, version = entry["objectiveCode"], entry["version"]
    one_gib = 1 << 30
    yield ("framework YAML nested 32,000 deep (64 KB)", "PUT", "/api/v1/framework", admin, "application/yaml", lambda: deep_yaml(32000))
    yield ("framework JSON nested 32,000 deep", "PUT", "/api/v1/framework", admin, "application/json", lambda: b"[" * 32000 + b"]" * 32000)
    yield ("framework billion laughs (anchors and aliases)", "PUT", "/api/v1/framework", admin, "application/yaml",
           lambda: ("a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n" + "".join(f"a{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 10) + "]\n" for i in range(1, 10))).encode())
    yield ("framework file of 25 MB", "PUT", "/api/v1/framework", admin, "application/yaml", lambda: b"# " + b"x" * (25 << 20) + b"\n")
    yield ("framework of 99,999 objectives within 1 MB", "PUT", "/api/v1/framework", admin, "application/yaml",
           lambda: ("strategy: {code: S, name: N}\nfocusAreas:\n  - code: LE\n    name: L\n    objectives: [" + ",".join(["{}"] * 99999) + "]\n").encode()[:1 << 20])
    yield ("XLSX whose shared strings unzip to 1 GiB", "POST", "/api/v1/activities/import?dryRun=true", reporter, XLSX,
           lambda: workbook(header_row(), chain(["<si><t>"], repeat("x" * 65536, one_gib // 65536), ["</t></si>"])))
    yield ("XLSX, a value in column XFD on 20,000 rows", "POST", "/api/v1/activities/import?dryRun=true", reporter, XLSX,
           lambda: workbook(chain(header_row(), (f'<row r="{r}"><c r="XFD{r}" t="inlineStr"><is><t>x</t></is></c></row>' for r in range(2, 20002)))))
    yield ("XLSX, one cell of 200 MB", "POST", "/api/v1/activities/import?dryRun=true", reporter, XLSX,
           lambda: workbook(chain(header_row(), ['<row r="2"><c r="A2" t="inlineStr"><is><t>'], repeat("y" * 65536, (200 << 20) // 65536), ["</t></is></c></row>"])))
    yield ("XLSX, 1,500,000 styled empty cells", "POST", "/api/v1/activities/import?dryRun=true", reporter, XLSX,
           lambda: workbook(chain(header_row(), (f'<row r="{r}">' + "".join(f'<c r="{c}{r}" s="1"/>' for c in ("A", "B", "C")) + "</row>" for r in range(2, 500002)))))
    yield ("XLSX with a DTD entity expansion", "POST", "/api/v1/activities/import?dryRun=true", reporter, XLSX,
           lambda: workbook(['<row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row>'], doctype="<!DOCTYPE worksheet [<!ENTITY l0 \"lol\">"
                            + "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)) + "]>"))
    yield ("XLSX truncated half way", "POST", "/api/v1/activities/import?dryRun=true", reporter, XLSX,
           lambda: workbook(chain(header_row(), (f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Meeting {r}</t></is></c></row>' for r in range(2, 5000))))[:30000])
    yield ("PDF renamed .xlsx", "POST", "/api/v1/activities/import?dryRun=true", reporter, XLSX, lambda: b"%PDF-1.7\n" + os.urandom(200000))
    yield ("ZIP of 10,000 empty parts", "POST", "/api/v1/activities/import?dryRun=true", reporter, XLSX, lambda: many_parts(10000))
    yield ("CSV of 10 MB of commas", "POST", "/api/v1/activities/import?dryRun=true", reporter, "text/csv", lambda: b"," * (10 << 20))
    yield ("CSV, 10 MB in one quoted field", "POST", "/api/v1/activities/import?dryRun=true", reporter, "text/csv", lambda: b'Title\n"' + b"z" * (10 << 20 - 10) + b'"\n')
    yield ("CSV in Latin-1", "POST", "/api/v1/activities/import?dryRun=true", reporter, "text/csv", lambda: "Title,City\nMeeting,Asunción\n".encode("latin-1"))
    yield ("CSV with NUL bytes", "POST", "/api/v1/activities/import?dryRun=true", reporter, "text/csv", lambda: b"Title\nMeet\0ing\n" * 1000)
    yield ("CSV of 200,000 short rows", "POST", "/api/v1/activities/import?dryRun=true", reporter, "text/csv",
           lambda: b"Title,Kind,Start date,Lead body\n" + b"W,Workshop,2025-01-01,WG-TIP\n" * 200000)
    yield ("offline upload: shared strings unzip to 1 GiB", "POST", f"/api/v1/scorecards/{card}/offline?dryRun=true", reporter, XLSX,
           lambda: workbook(header_row(), chain(["<si><t>"], repeat("x" * 65536, one_gib // 65536), ["</t></si>"])))
    yield ("narrative: > x 7,990", "PATCH", f"/api/v1/scorecards/{card}/entries/{code}", reporter, "application/json",
           lambda: json.dumps({"version": version, "progress": ">" * 7990 + " x"}).encode())
    yield ("narrative: * x 3,995 around x", "PATCH", f"/api/v1/scorecards/{card}/entries/{code}", reporter, "application/json",
           lambda: json.dumps({"version": version, "progress": "*" * 3995 + "x" + "*" * 3995}).encode())
    yield ("JSON body of 50 MB", "PUT", f"/api/v1/scorecards/{card}/entries/{code}", reporter, "application/json",
           lambda: b'{"progress": "' + b"a" * (50 << 20) + b'"}')
    yield ("JSON nested 100,000 deep", "PUT", f"/api/v1/scorecards/{card}/entries/{code}", reporter, "application/json",
           lambda: b'{"links": ' + b"[" * 100000 + b"]" * 100000 + b"}")


def many_parts(count):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(count):
            z.writestr(f"part{i}.xml", "")
    return buffer.getvalue()


def request(method, path, token, body=None, content_type=None):
    req = urllib.request.Request(base + path, data=body, method=method, headers={"Authorization": f"Bearer {token}"})
    if content_type:
        req.add_header("Content-Type", content_type)
    return req


def measure(method, path, token, content_type, body):
    peak, done = [rss_mb()], threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss_mb())
            time.sleep(0.01)

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.monotonic()
    # curl reads an answer the server gives before the whole body is sent (413), where a simpler client sees a broken pipe.
    with open(os.path.join(folder, "body"), "wb") as f:
        f.write(body)
    result = subprocess.run(["curl", "-s", "-o", os.path.join(folder, "answer"), "-w", "%{http_code}", "-X", method, "-H", f"Authorization: Bearer {token}",
                             "-H", f"Content-Type: {content_type}", "--data-binary", "@" + os.path.join(folder, "body"), base + path],
                            capture_output=True, text=True, timeout=120)
    status = int(result.stdout or 0)
    with open(os.path.join(folder, "answer"), "rb") as f:
        text = f.read()
    elapsed = time.monotonic() - started
    done.set()
    sampler.join()
    try:
        answer = json.loads(text)
        reason = answer.get("code") or (answer.get("rejections") or [{}])[0].get("reason", "") or answer.get("detail", "")
        if answer.get("errors"):
            reason += ": " + str(next(iter(answer["errors"].values())) if isinstance(answer["errors"], dict) else answer["errors"][0])
    except (ValueError, AttributeError):
        reason = text[:80].decode("utf-8", "replace")
    return status, elapsed, peak[0], str(reason)[:110]


print("| input | file | answer | time | peak RSS | above idle | what it said |")
print("|---|---|---|---|---|---|---|")
worst_time = worst_memory = 0.0
failures = 0
for name, method, path, token, content_type, build in cases():
    body = build()
    idle = rss_mb()
    status, elapsed, peak, reason = measure(method, path, token, content_type, body)
    above = peak - idle
    worst_time, worst_memory = max(worst_time, elapsed), max(worst_memory, above)
    bad = status == 0 or status >= 500 or elapsed > 10 or above > 300
    failures += bad
    size = f"{len(body) / 1048576:.1f} MB" if len(body) >= 1048576 else f"{len(body) / 1024:.0f} KB"
    print(f"| {name} | {size} | {status or 'no answer'} | {elapsed:.2f} s | {peak:.0f} MB | {above:+.0f} MB | {reason.replace('|', '/')} |{' **FAILS THE GOAL**' if bad else ''}")
print(f"\nWorst time {worst_time:.2f} s; worst peak above idle {worst_memory:.0f} MB; {failures} case(s) outside the goal.")
