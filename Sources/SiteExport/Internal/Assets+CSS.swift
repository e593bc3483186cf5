extension Assets {
  /// The style sheet: system fonts, light and dark schemes from the system, narrow screens,
  /// print. The troubleshooter shows one step at a time with CSS `:target` alone, and with
  /// its script when that runs.
  static let css = """
    :root { --bg: #ffffff; --fg: #1d232b; --muted: #5b6672; --line: #d7dde3; --accent: #b0460f;
      --code-bg: #f3f5f7; --card: #fafbfc; --ok: #1f6f3c; color-scheme: light dark; }
    @media (prefers-color-scheme: dark) {
      :root { --bg: #14181d; --fg: #e3e8ee; --muted: #9aa6b2; --line: #2e3740; --accent: #ff9b5e;
        --code-bg: #1d232a; --card: #191e24; --ok: #6fd39a; }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.55;
      font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
    a { color: var(--accent); }
    code, pre, textarea { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
    code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }
    pre { background: var(--code-bg); padding: 0.8em 1em; overflow-x: auto; border-radius: 6px; }
    pre code { background: none; padding: 0; overflow-wrap: normal; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1em; top: 1em; background: var(--bg); padding: 0.5em; z-index: 2; }
    .site-header { display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; align-items: baseline;
      padding: 0.8em max(1em, calc((100% - 60rem) / 2)); border-bottom: 1px solid var(--line); }
    .brand { font-weight: 700; color: var(--fg); text-decoration: none; }
    .site-header nav { display: flex; gap: 1em; flex-wrap: wrap; }
    main { max-width: 60rem; margin: 0 auto; padding: 1em; }
    .site-footer { max-width: 60rem; margin: 2em auto; padding: 1em; color: var(--muted); font-size: 0.9em;
      border-top: 1px solid var(--line); }
    h1 { line-height: 1.2; overflow-wrap: anywhere; }
    .lead, .summary { color: var(--muted); }
    .tag { display: inline-block; border: 1px solid var(--line); border-radius: 999px; padding: 0 0.6em;
      margin: 0 0.2em 0.3em 0; text-decoration: none; font-size: 0.9em; }
    .button, button { display: inline-block; background: var(--accent); color: var(--bg); border: 0;
      border-radius: 6px; padding: 0.45em 0.9em; font: inherit; text-decoration: none; cursor: pointer; }
    button.copy { background: none; color: var(--accent); border: 1px solid var(--line); padding: 0.1em 0.6em;
      font-size: 0.85em; }
    .code-block { position: relative; }
    .signature-list { list-style: none; padding: 0; }
    .signature-list li { border-left: 3px solid var(--line); padding: 0.2em 0 0.2em 0.8em; margin: 0.8em 0; }
    .meta, .note { margin: 0.2em 0; color: var(--muted); font-size: 0.9em; }
    .diagnostic { border: 1px solid var(--line); border-radius: 6px; padding: 0 1em; margin: 1em 0; background: var(--card); }
    details { border: 1px solid var(--line); border-radius: 6px; padding: 0.5em 1em; margin: 0.5em 0; }
    summary { cursor: pointer; font-weight: 600; }
    .guide-list { list-style: none; padding: 0; }
    .guide-item { margin: 1em 0; }
    .guide-link { font-weight: 600; }
    .guide-item p { margin: 0.2em 0; }
    .search-form { display: grid; gap: 0.5em; margin: 1em 0 2em; }
    textarea { width: 100%; padding: 0.6em; border: 1px solid var(--line); border-radius: 6px;
      background: var(--bg); color: var(--fg); }
    .search-form button { justify-self: start; }
    .results { padding-left: 1.2em; }
    .result { margin: 0.8em 0; }
    .result.confident > a { font-weight: 700; }
    .reason { margin: 0.2em 0; color: var(--muted); overflow-wrap: anywhere; }
    .error-index { width: 100%; border-collapse: collapse; }
    .error-index th, .error-index td { text-align: left; vertical-align: top; padding: 0.4em; border-bottom: 1px solid var(--line); }
    .notice { border-left: 3px solid var(--accent); padding-left: 0.8em; }
    .answers { list-style: none; padding: 0; display: grid; gap: 0.5em; }
    .answers a { display: block; border: 1px solid var(--line); border-radius: 6px; padding: 0.6em 0.9em;
      text-decoration: none; background: var(--card); }
    .answers a:hover, .answers a:focus { border-color: var(--accent); }
    .tree-step { border-top: 1px solid var(--line); padding-top: 0.5em; }
    .eyebrow { text-transform: uppercase; letter-spacing: 0.05em; font-size: 0.8em; color: var(--ok); margin: 0; }
    .trail { border: 1px dashed var(--line); border-radius: 6px; padding: 0.5em 1em; margin: 1em 0; }
    .trail ol { margin: 0 0 0.5em; padding-left: 1.2em; }
    /* One step at a time: the targeted one, else the first (the start). */
    @supports selector(:has(*)) {
      .tree .tree-step { display: none; }
      .tree .tree-step:target, .tree:not(:has(.tree-step:target)) .tree-step:first-of-type { display: block; }
    }
    .tree.enhanced .tree-step, .tree.enhanced .tree-step:target { display: none; }
    .tree.enhanced .tree-step.current { display: block; }
    @media (max-width: 40rem) {
      body { font-size: 15px; }
      .error-index thead { display: none; }
      .error-index tr, .error-index td { display: block; border: 0; padding: 0.1em 0; }
      .error-index tr { border-bottom: 1px solid var(--line); padding: 0.5em 0; }
    }
    @media print {
      :root { --bg: #fff; --fg: #000; --muted: #333; --accent: #000; --code-bg: #f3f3f3; }
      .site-header nav, .search-form, button, .actions, .skip, .trail { display: none !important; }
      .tree .tree-step, .tree.enhanced .tree-step { display: block !important; }
      a { text-decoration: underline; }
      pre { white-space: pre-wrap; }
      details { border: 0; padding: 0; }
    }

    """
}
