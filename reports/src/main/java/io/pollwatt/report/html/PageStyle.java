package io.pollwatt.report.html;

/** The style sheet, inlined in each page so a report folder opens anywhere without a network. */
final class PageStyle {
    /** The CJK family first: the PDF renderer has only the fonts it is given, browsers fall back as usual. */
    static final String CSS = """
            @page { size: A4; margin: 16mm 14mm; }
            body { font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif;
                   color: #212121; margin: 1.5em auto; max-width: 1180px; line-height: 1.45; font-size: 14px; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; }
            h2 { border-bottom: 2px solid #1f5fbf; padding-bottom: 0.2em; margin-top: 1.6em; }
            h3 { margin-top: 1.4em; }
            .verdict { padding: 0.8em 1em; font-size: 1.25em; font-weight: bold; color: #fff; }
            .verdict.pass { background: #2e7d32; }
            .verdict.fail { background: #c62828; }
            .verdict .detail { display: block; font-size: 0.75em; font-weight: normal; }
            .status { padding: 0.1em 0.5em; color: #fff; font-size: 0.8em; }
            .status.PASSED, .status.PASS { background: #2e7d32; }
            .status.FAILED, .status.FAIL { background: #c62828; }
            .status.SKIPPED, .status.NOT_APPLICABLE { background: #757575; }
            .status.INCONCLUSIVE { background: #ef6c00; }
            table { border-collapse: collapse; margin: 0.6em 0; width: 100%; }
            th, td { border: 1px solid #bdbdbd; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
            th { background: #eceff1; }
            td.num { text-align: right; }
            td.nowrap, th.nowrap { white-space: nowrap; }
            td.evidence { white-space: pre-wrap; }
            tr.bad td { background: #ffebee; }
            pre { background: #f5f5f5; padding: 0.6em; white-space: pre-wrap; word-wrap: break-word; font-size: 0.85em; }
            pre.error { background: #ffebee; }
            figure { display: block; margin: 0.6em 0; page-break-inside: avoid; }
            figure.narrow { display: inline-block; margin-right: 0.8em; vertical-align: top; }
            h2, h3 { page-break-after: avoid; }
            tr { page-break-inside: avoid; }
            img { max-width: 100%; border: 1px solid #e0e0e0; }
            .meta { color: #616161; }
            .sign { margin-top: 2em; }
            .sign td { height: 2.4em; }
            """;

    private PageStyle() {}
}
