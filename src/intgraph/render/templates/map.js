/* intgraph architecture map. Every piece of note text reaches the page through
   textContent, the value of form fields, or canvas text (vis-network's labels and the group
   regions): never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("intgraph-data").textContent);
  var STATUS = {
    production: { label: "Production", color: "#1e40af", dashes: false, width: 1.5 },
    development: { label: "Development", color: "#0f766e", dashes: [10, 6], width: 1.5 },
    planning: { label: "Planning", color: "#7c3aed", dashes: [3, 5], width: 1.5 },
    deprecated: { label: "Deprecated", color: "#9ca3af", dashes: [2, 3], width: 1 },
    other: { label: "Other or no status", color: "#475569", dashes: [12, 4, 2, 4], width: 1.5 }
  };
  var SELECTED = "#dc2626", DOWN = "#ea580c", UP = "#0284c7", FADED = 0.18;
  var NODE = {
    system: { background: "#dbeafe", border: "#1d4ed8" },
    middleware: { background: "#fde68a", border: "#b45309" },
    nonote: { background: "#f1f5f9", border: "#64748b" },
    group: { background: "#e0e7ff", border: "#4338ca" }
  };
  var HEAVIEST = 150;
  var big = data.nodes.length > 300 || data.arrows.length > 1500;
  var focus = data.focus;
  var grouped = data.groups.length > 0;
  var state = {
    ready: false, nodes: 0, edges: 0, firstFrameMs: null, found: null, selected: null,
    /* in a new browsing context: an obsidian:// navigation of this page that no handler
       takes would leave the page stuck mid-navigation (search and clicks stop working) */
    open: function (url) { window.open(url, "_blank", "noopener"); }
  };
  window.__intgraph = state;

  function text(value) { return value === null || value === undefined || value === "" ? "—" : String(value); }
  function num(id) { return parseInt(id.slice(1), 10); }
  function el(tag, content, cls) {
    var e = document.createElement(tag);
    if (content !== undefined && content !== null) { e.textContent = content; }
    if (cls) { e.className = cls; }
    return e;
  }

  function tooltip(head, lines) {
    var box = el("div");
    box.appendChild(el("div", head, "ig-tip-head"));
    box.appendChild(el("div", lines.join("\n")));
    return box;
  }

  function nodeTip(n) {
    var lines = [
      "Kind: " + n.kind,
      "Note: " + (n.path === null ? "none" : n.path),
      "Integrations in: " + n.in + " · out: " + n.out + (n.kind === "middleware" ? " · via: " + n.via : "")
    ];
    if (n.aliases.length) { lines.splice(1, 0, "Aliases: " + n.aliases.join(", ")); }
    if (grouped) { lines.push("Group: " + data.groups[n.g].label); }
    if (n.context) { lines.push("Middleware on the path of the impact (not affected itself)"); }
    if (n.distance !== undefined) {
      lines.push(n.distance === 0 ? (n.both ? "Both upstream and downstream" : "Focused system")
        : "Distance: " + Math.abs(n.distance) + (n.distance > 0 ? " downstream" : " upstream"));
    }
    lines.push("Click: impact · double-click: open in Obsidian");
    return tooltip(n.name, lines);
  }
  function names(list) { return list.map(function (i) { return data.nodes[i].name; }).join(", ") || "none"; }
  function recordLines(r) {
    return [
      "ID: " + text(r.ref), "Title: " + r.title, "Status: " + text(r.status),
      "Category: " + text(r.category), "Protocol: " + text(r.protocol),
      "Middleware: " + (r.middleware.length ? r.middleware.join(", ") : "none"),
      "Owner: " + text(r.owner), "Sources: " + names(r.s), "Targets: " + names(r.t), "Note: " + r.path
    ];
  }
  function edgeTip(a) {
    if (a.items.length === 1) { var r = data.integrations[a.items[0]]; return tooltip(r.title, recordLines(r)); }
    var lines = a.items.slice(0, 12).map(function (i) { var r = data.integrations[i]; return (r.ref ? r.ref + " " : "") + r.title; });
    if (a.items.length > 12) { lines.push("… and " + (a.items.length - 12) + " more"); }
    return tooltip(a.items.length + " " + STATUS[a.cls].label + " integrations, " + byNode.get(a.from).name + " → " + byNode.get(a.to).name, lines);
  }

  var byNode = new Map();
  data.nodes.forEach(function (n) { byNode.set(n.id, n); });
  var arrowOf = new Map();
  data.arrows.forEach(function (a) { arrowOf.set(a.id, a); });
  state.arrowOf = function (i) { return data.arrows.filter(function (a) { return a.items.indexOf(i) >= 0; }).map(function (a) { return a.id; }); };
  var members = data.groups.map(function () { return []; });
  data.nodes.forEach(function (n, i) { if (grouped) { members[n.g].push(i); } });
  var ix = intgraphImpact.index(data.integrations, data.nodes.length);

  /* ---- the items, and which of them are on the map (groups collapse and expand) ---- */
  function look(n) { return n.kind === "middleware" ? NODE.middleware : (n.url ? NODE.system : NODE.nonote); }
  function nodeItem(n) {
    var base = look(n);
    var item = {
      id: n.id, label: n.name, x: n.x, y: n.y, size: n.size, title: nodeTip(n),
      shape: n.kind === "middleware" ? "diamond" : "dot", borderWidth: 1.5, opacity: 1,
      color: { background: base.background, border: base.border,
        highlight: { background: base.background, border: SELECTED },
        hover: { background: base.background, border: SELECTED } },
      font: { color: "#111827" }
    };
    item.shapeProperties = { borderDashes: n.url || n.kind === "middleware" ? false : [4, 3] };
    if (focus && focus.node === n.id) {
      item.borderWidth = 5;
      item.size = n.size * 1.4;
      item.color.border = SELECTED;
      item.font = { size: 18, bold: true, color: "#111827" };
    }
    return item;
  }
  function groupItem(g, i) {
    var size = g.r;
    var font = groupFont(size);
    var lines = g.label.split(" · ").concat([g.count + (g.count === 1 ? " system" : " systems")]);
    return {
      id: g.id, label: lines.join("\n"), x: g.x, y: g.y, size: size, shape: "dot",
      borderWidth: 3, opacity: 1,
      font: { size: font, color: "#1e1b4b", strokeWidth: Math.max(3, font / 5), strokeColor: "#ffffff",
        vadjust: -size - lines.length * font * 0.62 - font * 0.3 },
      color: { background: NODE.group.background, border: NODE.group.border,
        highlight: { background: NODE.group.background, border: SELECTED },
        hover: { background: NODE.group.background, border: SELECTED } },
      title: tooltip(g.label, [g.count + " systems" + (g.middleware ? " (" + g.middleware + " middleware)" : ""),
        "Double-click to expand"]),
      group: i
    };
  }

  var FAR = 0.3;
  var far = big;
  var hiddenCls = new Set();
  var expanded = new Set();
  if (grouped && !data.collapsed) { data.groups.forEach(function (g, i) { expanded.add(i); }); }

  function isShown(i) { return !grouped || expanded.has(data.nodes[i].g); }
  function visibleEnd(i) { return isShown(i) ? "n" + i : data.groups[data.nodes[i].g].id; }

  function edgeStyle(a) {
    var s = STATUS[a.cls];
    return {
      dashes: far ? false : s.dashes, width: s.width + Math.log2(a.items.length),
      color: { color: s.color, highlight: SELECTED, hover: SELECTED, inherit: false, opacity: far && s.dashes ? 0.45 : 1 }
    };
  }
  function edgeItem(a) {
    var st = edgeStyle(a);
    var item = { id: a.id, from: a.from, to: a.to, title: edgeTip(a), dashes: st.dashes, color: st.color, width: st.width };
    if (a.curve !== undefined) {
      item.smooth = { enabled: true, type: "curvedCW", roundness: 0.2 * (a.curve + 1) };
      item.selfReference = { size: 20 + 8 * a.curve };
    }
    return item;
  }

  /* What the map shows now: nodes, segment arrows, and arrows aggregated between groups. */
  function wanted() {
    var nodeList = [], edgeList = [], flows = new Map();
    data.nodes.forEach(function (n, i) { if (isShown(i)) { nodeList.push(n.id); } });
    data.groups.forEach(function (g, i) { if (!expanded.has(i)) { nodeList.push(g.id); } });
    data.arrows.forEach(function (arrow) {
      if (hiddenCls.has(arrow.cls)) { return; }
      var a = num(arrow.from), b = num(arrow.to);
      if (isShown(a) && isShown(b)) { edgeList.push(arrow.id); return; }
      var from = visibleEnd(a), to = visibleEnd(b);
      if (from === to) { return; }
      var key = from + ">" + to;
      if (!flows.has(key)) { flows.set(key, { from: from, to: to, items: new Set(), both: from[0] === "g" && to[0] === "g" }); }
      arrow.items.forEach(function (i) { flows.get(key).items.add(i); });
    });
    var aggregated = Array.from(flows.values());
    var between = aggregated.filter(function (f) { return f.both; })
      .sort(function (a, b) { return b.items.size - a.items.size || (a.from + a.to < b.from + b.to ? -1 : 1); });
    var limit = between.length > HEAVIEST ? between[HEAVIEST - 1].items.size : 0;
    aggregated = aggregated.filter(function (f) { return !f.both || f.items.size >= limit; });
    return { nodes: nodeList, edges: edgeList, flows: aggregated };
  }

  var heaviest = 1;
  function flowItem(f) {
    var count = f.items.size;
    var statuses = {};
    f.items.forEach(function (i) { var c = data.integrations[i].cls; statuses[c] = (statuses[c] || 0) + 1; });
    var parts = Object.keys(STATUS).filter(function (c) { return statuses[c]; })
      .map(function (c) { return STATUS[c].label + ": " + statuses[c]; });
    var label = function (id) { return id[0] === "g" ? data.groups[num(id)].label : byNode.get(id).name; };
    return {
      id: "f:" + f.from + ">" + f.to, from: f.from, to: f.to, flow: true,
      width: (1 + 9 * Math.sqrt(count / heaviest)) * unit, dashes: false,
      color: { color: "#64748b", opacity: 0.55, highlight: SELECTED, hover: SELECTED, inherit: false },
      title: tooltip(label(f.from) + " → " + label(f.to), [count + (count === 1 ? " integration" : " integrations"), parts.join(" · ")])
    };
  }

  var nodes = new vis.DataSet([]);
  var edges = new vis.DataSet([]);
  /* a collapsed map is drawn at the scale of its groups: strokes and text grow with them */
  var radii = data.groups.map(function (g) { return g.r; }).sort(function (a, b) { return a - b; });
  var unit = data.collapsed && radii.length ? Math.max(1, radii[Math.floor(radii.length / 2)] / 60) : 1;
  function groupFont(size) { return Math.max(14, Math.round(size / 6), Math.round(unit * 8)); }
  var groupItems = data.groups.map(groupItem);

  function sync() {
    var want = wanted();
    heaviest = Math.max(1, want.flows.reduce(function (m, f) { return Math.max(m, f.items.size); }, 1));
    var nodeSet = new Set(want.nodes);
    nodes.remove(nodes.getIds().filter(function (id) { return !nodeSet.has(id); }));
    var have = new Set(nodes.getIds());
    nodes.add(want.nodes.filter(function (id) { return !have.has(id); }).map(function (id) {
      return id[0] === "g" ? groupItems[num(id)] : nodeItem(byNode.get(id));
    }));
    var flowItems = want.flows.map(flowItem);
    flowMembers = new Map();
    want.flows.forEach(function (f) { flowMembers.set("f:" + f.from + ">" + f.to, f.items); });
    var edgeSet = new Set(want.edges.concat(flowItems.map(function (f) { return f.id; })));
    edges.remove(edges.getIds().filter(function (id) { return !edgeSet.has(id); }));
    var haveEdges = new Set(edges.getIds());
    edges.add(want.edges.filter(function (id) { return !haveEdges.has(id); }).map(function (id) { return edgeItem(arrowOf.get(id)); }));
    edges.update(flowItems);
    declutterPending = true;
    if (current) { paint(); }  /* without a selection, new items already have their look */
  }

  sync();  /* filled before the network starts, so the seeded settle runs on every node at once */
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    physics: data.settle ? {
      enabled: true, solver: "forceAtlas2Based", minVelocity: 1, timestep: 0.5,
      forceAtlas2Based: { gravitationalConstant: -140, centralGravity: 0.01, springLength: 190, springConstant: 0.05, avoidOverlap: 0.8 },
      stabilization: { enabled: true, iterations: 400, updateInterval: 100, fit: true }
    } : false,
    layout: { improvedLayout: false, randomSeed: 4 },
    nodes: { font: { size: 14, face: "system-ui, sans-serif", color: "#111827", strokeWidth: 3, strokeColor: "#ffffff" }, scaling: { label: { drawThreshold: 6 } } },
    edges: {
      smooth: false, arrows: { to: { enabled: !far, scaleFactor: 0.6 } }, arrowStrikethrough: false, selectionWidth: 1.5
    },
    interaction: {
      hover: !big, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
      keyboard: false, multiselect: false, navigationButtons: false
    }
  });
  state.network = network;
  if (data.settle) {
    network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: false }); declutterPending = true; });
  }

  state.count = function () {
    state.nodes = network.body.nodeIndices.length;
    state.edges = network.body.edgeIndices.length;
    return { nodes: state.nodes, edges: state.edges };
  };
  state.shown = function () { return nodes.getIds(); };

  /* ---- labels that never overlap: the least connected give way, shown again on selection ---- */
  var declutterPending = true;
  var hiddenLabels = new Set();
  function declutter() {
    declutterPending = false;
    var ids = nodes.getIds().filter(function (id) { return id[0] === "n"; });
    var ctx = container.querySelector("canvas").getContext("2d");
    ctx.save();
    var boxes = ids.map(function (id) {
      var n = byNode.get(id), body = network.body.nodes[id];
      if (!body) { return null; }
      var size = focus && focus.node === id ? 18 : 14;
      ctx.font = (size === 18 ? "bold " : "") + size + "px system-ui, sans-serif";
      var w = ctx.measureText(n.name).width + 6;
      var h = size * 1.25 + 2;
      var top = body.y + body.options.size + 2;
      return { id: id, rank: (n.in + n.out + n.via), left: body.x - w / 2, right: body.x + w / 2, top: top, bottom: top + h };
    }).filter(Boolean);
    ctx.restore();
    boxes.sort(function (a, b) { return b.rank - a.rank || (a.id < b.id ? -1 : 1); });
    var placed = [], hide = new Set();
    boxes.forEach(function (b) {
      var clash = placed.some(function (p) { return b.left < p.right && p.left < b.right && b.top < p.bottom && p.top < b.bottom; });
      if (clash && b.id !== state.selected) { hide.add(b.id); } else { placed.push(b); }
    });
    var changes = [];
    ids.forEach(function (id) {
      var was = hiddenLabels.has(id), now = hide.has(id);
      if (was !== now) { changes.push({ id: id, label: now ? "" : byNode.get(id).name }); }
    });
    hiddenLabels = hide;
    if (changes.length) { nodes.update(changes); }
  }
  state.hiddenLabels = function () { return Array.from(hiddenLabels); };

  /* ---- group regions and focus headings, drawn under and over the map ---- */
  network.on("beforeDrawing", function (ctx) {
    if (!grouped) { return; }
    ctx.save();
    var regions = [];
    expanded.forEach(function (g) {
      var box = null;
      members[g].forEach(function (i) {
        var b = network.body.nodes["n" + i];
        if (!b) { return; }
        var r = b.options.size;
        if (!box) { box = { l: b.x - r, r: b.x + r, t: b.y - r, b: b.y + r }; }
        box.l = Math.min(box.l, b.x - r); box.r = Math.max(box.r, b.x + r);
        box.t = Math.min(box.t, b.y - r); box.b = Math.max(box.b, b.y + r);
      });
      if (!box) { return; }
      var caption = data.groups[g].label + " (" + data.groups[g].count + ")";
      ctx.font = "600 15px system-ui, sans-serif";
      var l = box.l - 40, t = box.t - 40, w = Math.max(box.r - box.l + 80, ctx.measureText(caption).width + 24), h = box.b - box.t + 80;
      ctx.beginPath();
      if (ctx.roundRect) { ctx.roundRect(l, t, w, h, 18); } else { ctx.rect(l, t, w, h); }
      ctx.fillStyle = "rgba(241, 245, 249, 0.9)";
      ctx.strokeStyle = "#cbd5e1";
      ctx.lineWidth = 1.5;
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = "#334155";
      ctx.textBaseline = "top";
      ctx.fillText(caption, l + 12, t + 8);
      regions.push({ label: data.groups[g].label, members: members[g].map(function (i) { return data.nodes[i].name; }),
        box: [l, t, l + w, t + h] });
    });
    state.regions = regions;
    ctx.restore();
  });
  network.on("afterDrawing", function (ctx) {
    if (!focus || !focus.columns) { return; }
    var top = Infinity;
    nodes.getIds().forEach(function (id) { var b = network.body.nodes[id]; if (b) { top = Math.min(top, b.y - b.options.size); } });
    ctx.save();
    ctx.font = "600 16px system-ui, sans-serif";
    ctx.textAlign = "center";
    ctx.fillStyle = "#374151";
    focus.columns.forEach(function (c) { ctx.fillText(c.label, c.x, top - 40); });
    if (focus.lane !== null && focus.lane !== undefined) {
      var left = Infinity;
      nodes.getIds().forEach(function (id) { var b = network.body.nodes[id]; if (b) { left = Math.min(left, b.x); } });
      ctx.textAlign = "left";
      ctx.fillText("middleware on the path", left - 60, focus.lane - 55);
    }
    ctx.restore();
  });

  network.once("afterDrawing", function () {
    state.firstFrameMs = performance.now();
    state.count();
    state.ready = true;
    document.body.setAttribute("data-ready", "true");
  });
  function detail() {
    var isFar = big && network.getScale() < FAR;
    if (isFar === far) { return; }
    far = isFar;
    network.setOptions({ edges: { arrows: { to: { enabled: !far } } } });
    if (current) { paint(); return; }
    edges.update(edges.getIds().filter(function (id) { return id[0] === "a" && STATUS[arrowOf.get(id).cls].dashes; })
      .map(function (id) { var st = edgeStyle(arrowOf.get(id)); return { id: id, dashes: st.dashes, color: st.color }; }));
  }
  state.far = function () { return far; };
  network.on("afterDrawing", function () {
    state.count();
    detail();
    if (declutterPending && (!data.settle || !network.physics.physicsEnabled || network.physics.stabilized)) {
      declutter();
    }
  });

  /* ---- impact at a click ---- */
  var depthSelect = document.getElementById("depth");
  function depth() { return depthSelect.value === "all" ? null : parseInt(depthSelect.value, 10); }
  var current = null;  // {node: index, down: walk, up: walk}

  function impactOf(i) {
    var result = intgraphImpact.both(ix, i, depth());
    return { node: i, down: result.downstream, up: result.upstream };
  }
  state.impact = function (name) {
    var id = find(name);
    if (id === null) { return null; }
    var r = impactOf(num(id));
    var out = { systems: [], integrations: [] };
    [["downstream", r.down], ["upstream", r.up]].forEach(function (pair) {
      pair[1].systems.forEach(function (d, s) { out.systems.push([data.nodes[s].name, pair[0], d]); });
      pair[1].integrations.forEach(function (d, k) { out.integrations.push([data.integrations[k].path, pair[0], d]); });
    });
    return out;
  };

  /* Colour every item on the map for the current selection: downstream, upstream, faded. */
  function paint() {
    var nodeChanges = [], edgeChanges = [];
    var sel = current;
    var groupHits = new Map();
    var onPath = new Set();  /* middleware carrying an affected integration stays in view */
    if (sel) {
      [sel.down.integrations, sel.up.integrations].forEach(function (m) {
        m.forEach(function (d, k) { data.integrations[k].m.forEach(function (x) { onPath.add(x); }); });
      });
    }
    nodes.getIds().forEach(function (id) {
      if (id[0] === "g") { return; }
      var i = num(id), n = data.nodes[i], base = nodeItem(n);
      var border = base.color.border, width = base.borderWidth, opacity = 1, bg = base.color.background;
      if (sel) {
        var d = sel.down.systems.has(i), u = sel.up.systems.has(i);
        if (i === sel.node) { border = SELECTED; width = 5; }
        else if (d || u) { border = d ? DOWN : UP; bg = d && u ? "#fef3c7" : (d ? "#ffedd5" : "#e0f2fe"); width = 4; }
        else if (!onPath.has(i)) { opacity = FADED; }
      }
      nodeChanges.push({ id: id, opacity: opacity, borderWidth: width,
        color: { background: bg, border: border, highlight: { background: bg, border: SELECTED }, hover: { background: bg, border: SELECTED } } });
    });
    if (sel) {
      data.nodes.forEach(function (n, i) {
        if (!grouped || expanded.has(n.g)) { return; }
        var d = sel.down.systems.has(i), u = sel.up.systems.has(i) || i === sel.node;
        if (d || u) { var h = groupHits.get(n.g) || { d: false, u: false }; h.d = h.d || d; h.u = h.u || u; groupHits.set(n.g, h); }
      });
    }
    nodes.getIds().forEach(function (id) {
      if (id[0] !== "g") { return; }
      var g = num(id), hit = groupHits.get(g);
      var border = NODE.group.border, opacity = 1, width = groupItems[g].borderWidth;
      if (sel) { if (hit) { border = hit.d ? DOWN : UP; width *= 2.5; } else { opacity = FADED; } }
      nodeChanges.push({ id: id, opacity: opacity, borderWidth: width,
        color: { background: NODE.group.background, border: border, highlight: { background: NODE.group.background, border: SELECTED }, hover: { background: NODE.group.background, border: SELECTED } } });
    });
    edges.getIds().forEach(function (id) {
      if (id[0] === "f") {
        var hot = sel ? flowHit(id, sel) : false;
        edgeChanges.push({ id: id, color: { color: hot ? (hot === "d" ? DOWN : UP) : "#64748b", opacity: sel && !hot ? FADED : 0.55, highlight: SELECTED, hover: SELECTED, inherit: false } });
        return;
      }
      var a = arrowOf.get(id), st = edgeStyle(a), color = st.color.color, op = st.color.opacity, width = st.width;
      if (sel) {
        var dd = a.items.some(function (i) { return sel.down.integrations.has(i); });
        var uu = a.items.some(function (i) { return sel.up.integrations.has(i); });
        if (dd || uu) { color = dd ? DOWN : UP; width = 3; op = 1; } else { op = FADED; }
      }
      edgeChanges.push({ id: id, dashes: st.dashes, width: width, color: { color: color, opacity: op, highlight: sel ? color : SELECTED, hover: SELECTED, inherit: false } });
    });
    nodes.update(nodeChanges);
    edges.update(edgeChanges);
  }
  var flowMembers = new Map();
  function flowHit(id, sel) {
    var items = flowMembers.get(id);
    if (!items) { return false; }
    var hit = false;
    items.forEach(function (i) {
      if (sel.down.integrations.has(i)) { hit = "d"; } else if (!hit && sel.up.integrations.has(i)) { hit = "u"; }
    });
    return hit;
  }

  /* ---- the side panel ---- */
  var panel = document.getElementById("panel");
  function clearPanel() { while (panel.firstChild) { panel.removeChild(panel.firstChild); } }
  function openLink(url, label) {
    var a = el("a", label, "open-note");
    a.href = url;
    a.target = "_blank";
    a.rel = "noopener";
    a.addEventListener("click", function (event) { event.preventDefault(); state.open(url); });
    return a;
  }
  var LISTED = 1000;
  function section(title, items, fill) {
    panel.appendChild(el("h3", title + " (" + items.length + ")"));
    var list = el("ul");
    items.slice(0, LISTED).forEach(function (item) { list.appendChild(fill(item)); });
    panel.appendChild(list);
    if (items.length > LISTED) { panel.appendChild(el("p", "… and " + (items.length - LISTED) + " more", "muted")); }
  }
  function systemEntry(pair) {
    var li = el("li");
    var button = el("button", data.nodes[pair[0]].name, "link");
    button.type = "button";
    button.addEventListener("click", function () { select(pair[0]); });
    li.appendChild(button);
    li.appendChild(el("span", " · " + (pair[1] === 0 ? "" : "distance " + pair[1]), "muted"));
    return li;
  }
  function sorted(map) {
    return Array.from(map.entries()).sort(function (a, b) {
      return a[1] - b[1] || (data.nodes[a[0]].name.toLowerCase() < data.nodes[b[0]].name.toLowerCase() ? -1 : 1);
    });
  }
  function showSystem(i) {
    clearPanel();
    var n = data.nodes[i];
    panel.appendChild(el("h2", n.name));
    panel.appendChild(el("p", (n.kind === "middleware" ? "Middleware" : "System") + (grouped ? " · " + data.groups[n.g].label : ""), "muted"));
    if (n.aliases.length) { panel.appendChild(el("p", "Aliases: " + n.aliases.join(", "))); }
    if (n.url) { panel.appendChild(openLink(n.url, "Open note in Obsidian")); } else { panel.appendChild(el("p", "No note", "muted")); }
    var d = depth() === null ? "all" : "≤ " + depth();
    panel.appendChild(el("p", "Impact, depth " + d + ": downstream in orange, upstream in blue.", "muted"));
    section("Downstream systems", sorted(current.down.systems), systemEntry);
    section("Upstream systems", sorted(current.up.systems), systemEntry);
    var all = new Map();
    [current.down.integrations, current.up.integrations].forEach(function (m) {
      m.forEach(function (dist, k) { all.set(k, Math.min(dist, all.has(k) ? all.get(k) : dist)); });
    });
    var list = Array.from(all.entries()).sort(function (a, b) { return a[1] - b[1] || (data.integrations[a[0]].path < data.integrations[b[0]].path ? -1 : 1); });
    section("Integrations", list, function (pair) {
      var r = data.integrations[pair[0]];
      var li = el("li");
      li.appendChild(openLink(r.url, (r.ref ? r.ref + " " : "") + r.title));
      li.appendChild(el("span", " · " + text(r.status) + " · distance " + pair[1], "muted"));
      li.title = recordLines(r).join("\n");
      return li;
    });
  }
  function showGroup(g) {
    clearPanel();
    var group = data.groups[g];
    panel.appendChild(el("h2", group.label));
    panel.appendChild(el("p", group.count + " systems, grouped by " + data.groupBy, "muted"));
    var toggle = el("button", expanded.has(g) ? "Collapse group" : "Expand group");
    toggle.type = "button";
    toggle.addEventListener("click", function () { if (expanded.has(g)) { expanded.delete(g); } else { expanded.add(g); } sync(); showGroup(g); });
    panel.appendChild(toggle);
    section("Systems", members[g].map(function (i) { return [i, 0]; }), systemEntry);
  }
  function showIntegration(k) {
    clearPanel();
    var r = data.integrations[k];
    panel.appendChild(el("h2", r.title));
    panel.appendChild(el("p", recordLines(r).join("\n"), "lines"));
    panel.appendChild(openLink(r.url, "Open note in Obsidian"));
  }
  function showArrow(a) {
    if (a.items.length === 1) { showIntegration(a.items[0]); return; }
    clearPanel();
    panel.appendChild(el("h2", byNode.get(a.from).name + " → " + byNode.get(a.to).name));
    panel.appendChild(el("p", a.items.length + " " + STATUS[a.cls].label + " integrations", "muted"));
    section("Integrations", a.items, function (i) {
      var r = data.integrations[i];
      var li = el("li");
      li.appendChild(openLink(r.url, (r.ref ? r.ref + " " : "") + r.title));
      li.title = recordLines(r).join("\n");
      return li;
    });
  }
  function showLegend() {
    clearPanel();
    panel.appendChild(el("p", "Click a system to see its impact; double-click it to open its note in Obsidian." +
      (grouped ? " Double-click a group to expand it." : ""), "muted"));
  }

  function reveal(i) {
    if (grouped && !expanded.has(data.nodes[i].g)) { expanded.add(data.nodes[i].g); sync(); }
  }
  function select(i) {
    reveal(i);
    state.selected = "n" + i;
    current = impactOf(i);
    if (hiddenLabels.has(state.selected)) { nodes.update({ id: state.selected, label: data.nodes[i].name }); hiddenLabels.delete(state.selected); }
    network.selectNodes([state.selected]);
    paint();
    showSystem(i);
  }
  function clearSelection() {
    state.selected = null;
    current = null;
    network.unselectAll();
    declutterPending = true;
    paint();
    showLegend();
    network.redraw();
  }
  state.select = function (name) { var id = find(name); if (id !== null) { select(num(id)); } return id; };
  state.clear = clearSelection;
  depthSelect.addEventListener("change", function () { if (current) { select(current.node); } });

  network.on("click", function (params) {
    if (params.nodes.length) {
      var id = params.nodes[0];
      if (id[0] === "g") { showGroup(num(id)); } else { select(num(id)); }
    } else if (params.edges.length && arrowOf.has(params.edges[0])) {
      showArrow(arrowOf.get(params.edges[0]));
    } else if (!params.edges.length) {
      clearSelection();
    }
  });
  network.on("doubleClick", function (params) {
    if (!params.nodes.length) { return; }
    var id = params.nodes[0];
    if (id[0] === "g") { expanded.add(num(id)); sync(); showGroup(num(id)); return; }
    var url = byNode.get(id).url;
    if (typeof url === "string" && url.indexOf("obsidian://open?vault=") === 0) { state.open(url); }
  });

  /* ---- search: exact name, then exact alias, then the first name or alias containing the text ---- */
  function key(value) { return String(value).normalize("NFC").trim().toLowerCase(); }
  var exact = new Map();
  var namesList = document.getElementById("system-names");
  data.nodes.forEach(function (n) {
    if (!exact.has(key(n.name))) { exact.set(key(n.name), n.id); }
    var option = document.createElement("option");
    option.value = n.name;
    namesList.appendChild(option);
  });
  data.nodes.forEach(function (n) {
    n.aliases.forEach(function (a) {
      if (!exact.has(key(a))) { exact.set(key(a), n.id); }
      var option = document.createElement("option");
      option.value = a;
      option.label = "alias of " + n.name;
      namesList.appendChild(option);
    });
  });
  function find(query) {
    var wanted = key(query);
    if (!wanted) { return null; }
    if (exact.has(wanted)) { return exact.get(wanted); }
    for (var i = 0; i < data.nodes.length; i++) {
      var n = data.nodes[i];
      if (key(n.name).indexOf(wanted) >= 0 || n.aliases.some(function (a) { return key(a).indexOf(wanted) >= 0; })) { return n.id; }
    }
    return null;
  }
  var input = document.getElementById("search-input");
  var result = document.getElementById("search-result");
  document.getElementById("search").addEventListener("submit", function (event) {
    event.preventDefault();
    var id = find(input.value);
    state.found = id;
    if (id === null) {
      result.textContent = input.value.trim() ? "No system matches “" + input.value.trim() + "”" : "";
      return;
    }
    result.textContent = "Found " + byNode.get(id).name;
    select(num(id));
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
  });
  document.addEventListener("keydown", function (event) {
    var typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
    if (event.key === "/" && !typing) { event.preventDefault(); input.focus(); input.select(); }
    else if (event.key === "Escape") {
      if (typing) { input.value = ""; result.textContent = ""; event.target.blur(); }
      clearSelection();
    }
  });

  /* ---- status toggles ---- */
  var counts = {};
  data.integrations.forEach(function (r) { counts[r.cls] = (counts[r.cls] || 0) + 1; });
  var filter = document.getElementById("status-filter");
  Object.keys(STATUS).forEach(function (cls) {
    if (!counts[cls]) { return; }
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = cls;
    box.addEventListener("change", function () {
      if (box.checked) { hiddenCls.delete(cls); } else { hiddenCls.add(cls); }
      sync();
    });
    var swatch = el("span", "", "swatch sw-" + cls);
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(STATUS[cls].label + " (" + counts[cls] + ")"));
    filter.appendChild(label);
  });

  /* ---- buttons: fit, expand and collapse all, Save PNG ---- */
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); });
  var expandAll = document.getElementById("expand-all");
  var collapseAll = document.getElementById("collapse-all");
  if (grouped) {
    expandAll.addEventListener("click", function () { data.groups.forEach(function (g, i) { expanded.add(i); }); sync(); });
    collapseAll.addEventListener("click", function () { expanded.clear(); if (current && isShown(current.node) === false) { clearSelection(); } sync(); });
  } else {
    expandAll.hidden = true;
    collapseAll.hidden = true;
  }
  state.expandAll = function () { expandAll.click(); };
  state.png = function () {
    var canvas = container.querySelector("canvas");
    var copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    var ctx = copy.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, copy.width, copy.height);
    ctx.drawImage(canvas, 0, 0);
    return copy.toDataURL("image/png");
  };
  document.getElementById("save-png").addEventListener("click", function () {
    var a = document.createElement("a");
    a.href = state.png();
    a.download = (data.vault || "map") + "-map.png";
    a.click();
  });

  if (!data.settle) { network.fit({ animation: false }); }
  showLegend();
})();
