"use strict";
(function () {
  const body = document.body;
  const errors = [];
  window.addEventListener("error", (e) => {
    errors.push(String(e.message));
    const box = document.getElementById("errors");
    box.hidden = false;
    box.textContent = "Script error: " + errors.join("; ");
    body.dataset.status = "error";
  });

  const data = JSON.parse(document.getElementById("profile-data").textContent);
  const top = data.top;
  const fmt = (x, digits) => (x === null || x === undefined) ? "-" : Number(x).toFixed(digits === undefined ? 0 : digits);

  function cell(row, value, cls) {
    const td = document.createElement("td");
    td.textContent = value === null || value === undefined ? "-" : String(value);
    if (cls) td.className = cls;
    row.appendChild(td);
  }

  function table(id, headers, rows) {
    const t = document.getElementById(id);
    const head = document.createElement("tr");
    for (const [label, cls] of headers) {
      const th = document.createElement("th");
      th.textContent = label;
      if (cls) th.className = cls;
      head.appendChild(th);
    }
    t.appendChild(head);
    for (const values of rows) {
      const tr = document.createElement("tr");
      values.forEach((v, i) => cell(tr, v, headers[i][1]));
      t.appendChild(tr);
    }
  }

  const blockHeaders = [["pc", "sym"], ["symbol", "sym"], ["executions"], ["interpreted"], ["tier"], ["guest bytes"],
    ["insns"], ["IR ops"], ["bytecode"], ["translate µs"], ["compile µs"], ["samples"], ["time ms"]];
  const blockRow = (b) => [b.pc, b.symbol, b.executions, b.interpreted_executions, b.tier, b.guest_bytes,
    b.instructions, b.ir_ops, b.bytecode_bytes, fmt(b.translate_us, 1), fmt(b.compile_us, 1), b.samples,
    fmt(b.time_ms, 1)];

  function render() {
    document.getElementById("summary").textContent =
      data.program + " " + data.arguments.join(" ") + " — tier " + data.tier + ", exit status " + data.exit_status +
      ", " + fmt(data.wall_ms / 1000, 2) + " s wall, " + data.samples.count + " samples every " +
      fmt(data.samples.interval_ms, 1) + " ms";
    table("hot-blocks", blockHeaders, data.blocks.slice(0, top).map(blockRow));
    const byTime = data.blocks.filter((b) => b.samples > 0).sort((a, b) => b.samples - a.samples);
    table("time-blocks", blockHeaders, byTime.slice(0, top).map(blockRow));
    table("region-table",
      [["pc", "sym"], ["symbol", "sym"], ["blocks"], ["executions"], ["guest bytes"], ["IR ops"], ["bytecode"],
        ["compile µs"], ["time ms"], ["class", "sym"]],
      data.regions.slice(0, top).map((r) => [r.pc, r.symbol, r.blocks.length, r.executions, r.guest_bytes,
        r.ir_ops, r.bytecode_bytes, fmt(r.compile_us, 1), fmt(r.time_ms, 1), r["class"]]));
    const total = Math.max(1, data.samples.count);
    table("function-table", [["function", "sym"], ["self samples"], ["%"], ["time ms"]],
      data.samples.functions.slice(0, top).map((f) => [f.symbol, f.self_samples,
        fmt(100 * f.self_samples / total, 1), fmt(f.self_samples * data.samples.interval_ms, 1)]));
    table("cache-table", [["statistic", "text"], ["value"]],
      Object.entries(data.cache).map(([k, v]) => [k.replaceAll("_", " "),
        Number.isInteger(v) ? v : fmt(v, 3)]));
    table("exit-table", [["reason", "text"], ["count"], ["time ms"]],
      Object.entries(data.exits).map(([k, v]) => [k, v.count, fmt(v.time_ms, 2)]));
    flame(data.samples.flame);
  }

  // The flame view: one row per stack depth, callers above callees, widths proportional to samples.
  function flame(root) {
    const view = document.getElementById("flame-view");
    let zoomed = root;
    const path = [];
    function color(name) {
      let h = 0;
      for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
      return name.startsWith("[") ? "hsl(210, 60%, 75%)" : "hsl(" + (10 + h % 40) + ", 80%, " + (58 + h % 20) + "%)";
    }
    function draw() {
      view.textContent = "";
      let depth = 0;
      const rows = [];
      function place(node, x, width, level) {
        if (width < 0.05) return;
        rows.push([node, x, width, level]);
        depth = Math.max(depth, level + 1);
        let cx = x;
        for (const child of node.children) {
          const w = node.value ? width * child.value / node.value : 0;
          place(child, cx, w, level + 1);
          cx += w;
        }
      }
      const ancestors = path.length;
      path.forEach((node, i) => rows.push([node, 0, 100, i]));
      place(zoomed, 0, 100, ancestors);
      for (const [node, x, width, level] of rows) {
        const div = document.createElement("div");
        div.className = "frame";
        div.style.left = x + "%";
        div.style.width = width + "%";
        div.style.top = (level * 17) + "px";
        div.style.background = color(node.name);
        const share = root.value ? (100 * node.value / root.value).toFixed(1) : "0";
        div.title = node.name + ": " + node.value + " samples (" + share + "%), self " + node.self;
        div.textContent = node.name;
        div.addEventListener("click", () => {
          const i = path.indexOf(node);
          if (i >= 0) {
            zoomed = node;
            path.length = i;
          } else if (node !== zoomed) {
            path.push(zoomed);
            zoomed = node;
          }
          draw();
        });
        view.appendChild(div);
      }
      view.style.height = (Math.max(depth, 1) * 17 + 4) + "px";
    }
    draw();
  }

  render();
  if (errors.length === 0) body.dataset.status = "rendered";
})();
