/* intgraph architecture map. Every piece of note text reaches the page through
   textContent, the value of form fields, or vis-network's canvas labels: never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("intgraph-data").textContent);
  var STATUS = {
    production: { label: "Production", color: "#1e40af", dashes: false, width: 1.5 },
    development: { label: "Development", color: "#1e40af", dashes: [10, 6], width: 1.5 },
    planning: { label: "Planning", color: "#1e40af", dashes: [3, 5], width: 1.5 },
    deprecated: { label: "Deprecated", color: "#9ca3af", dashes: false, width: 1 },
    other: { label: "Other or no status", color: "#475569", dashes: [12, 4, 2, 4], width: 1.5 }
  };
  var VIA = "#7c3aed";
  var SELECTED = "#dc2626";
  var NODE = {
    system: { background: "#dbeafe", border: "#1d4ed8" },
    middleware: { background: "#fde68a", border: "#b45309" },
    nonote: { background: "#f1f5f9", border: "#64748b" }
  };
  var big = data.nodes.length > 300 || data.edges.length > 1500;
  var focus = data.focus;
  var state = {
    ready: false, nodes: 0, edges: 0, firstFrameMs: null, found: null,
    open: function (url) { window.location.href = url; }
  };
  window.__intgraph = state;

  function text(value) { return value === null || value === undefined || value === "" ? "—" : String(value); }

  function tooltip(head, lines) {
    var box = document.createElement("div");
    var title = document.createElement("div");
    title.className = "ig-tip-head";
    title.textContent = head;
    var body = document.createElement("div");
    body.textContent = lines.join("\n");
    box.appendChild(title);
    box.appendChild(body);
    return box;
  }

  function nodeTip(n) {
    var lines = [
      "Kind: " + n.kind,
      "Note: " + (n.path === null ? "none" : n.path),
      "Integrations in: " + n.in + " · out: " + n.out + (n.kind === "middleware" ? " · via: " + n.via : "")
    ];
    if (n.aliases.length) { lines.splice(1, 0, "Aliases: " + n.aliases.join(", ")); }
    if (n.distance !== undefined) {
      lines.push(n.distance === 0 ? "Focused system" : "Distance: " + Math.abs(n.distance) + (n.distance > 0 ? " downstream" : " upstream"));
    }
    return tooltip(n.name, lines);
  }

  var byNode = new Map();
  data.nodes.forEach(function (n) { byNode.set(n.id, n); });
  var edgeIndex = new Map();
  data.edges.forEach(function (e) { edgeIndex.set(e.id, e.i); });

  function edgeTip(e) {
    var r = data.integrations[e.i];
    return tooltip(r.title, [
      "ID: " + text(r.ref),
      "Title: " + r.title,
      "Status: " + text(r.status),
      "Category: " + text(r.category),
      "Protocol: " + text(r.protocol),
      "Middleware: " + (r.middleware.length ? r.middleware.join(", ") : "none"),
      "Owner: " + text(r.owner),
      "From " + byNode.get(e.from).name + " to " + byNode.get(e.to).name,
      "Note: " + r.path
    ]);
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var look = n.kind === "middleware" ? NODE.middleware : (n.url ? NODE.system : NODE.nonote);
    var item = {
      id: n.id, label: n.name, x: n.x, y: n.y, size: n.size, title: nodeTip(n),
      shape: n.kind === "middleware" ? "diamond" : "dot",
      borderWidth: 1.5,
      color: { background: look.background, border: look.border,
        highlight: { background: look.background, border: SELECTED },
        hover: { background: look.background, border: SELECTED } }
    };
    if (!n.url) { item.shapeProperties = { borderDashes: [4, 3] }; }
    if (focus && focus.node === n.id) {
      item.borderWidth = 5;
      item.size = n.size * 1.4;
      item.color.border = SELECTED;
      item.font = { size: 18, bold: true };
    }
    return item;
  }));

  /* Level of detail: on a big map zoomed far out (scale below FAR) arrowheads and dash
     gaps would be under 3 px; they are not drawn, and dashed statuses show as paler lines. */
  var FAR = 0.3;
  var far = big;
  function edgeLook(e, isFar) {
    var r = data.integrations[e.i];
    var look = STATUS[r.cls];
    var color = r.middleware.length && r.cls !== "deprecated" ? VIA : look.color;
    var pale = isFar && look.dashes;
    return {
      dashes: isFar ? false : look.dashes,
      color: { color: color, highlight: SELECTED, hover: SELECTED, inherit: false, opacity: pale ? 0.45 : 1 }
    };
  }
  var dashed = data.edges.filter(function (e) { return STATUS[data.integrations[e.i].cls].dashes; });

  var edges = new vis.DataSet(data.edges.map(function (e) {
    var r = data.integrations[e.i];
    var look = edgeLook(e, far);
    var item = {
      id: e.id, from: e.from, to: e.to, title: edgeTip(e),
      dashes: look.dashes, color: look.color, width: STATUS[r.cls].width
    };
    if (r.middleware.length) { item.label = "via " + r.middleware.join(", "); }
    if (e.curve !== undefined) {
      item.smooth = { enabled: true, type: "curvedCW", roundness: 0.2 * (e.curve + 1) };
      item.selfReference = { size: 20 + 8 * e.curve };
    }
    return item;
  }));

  /* layout-only springs that keep middleware near the systems routed through it: hidden, never counted */
  data.routes.forEach(function (pair, i) {
    edges.add({ id: "r" + i, from: pair[0], to: pair[1], hidden: true, physics: true, arrows: "" });
  });

  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    physics: data.settle ? {
      enabled: true, solver: "forceAtlas2Based", minVelocity: 1, timestep: 0.5,
      forceAtlas2Based: { gravitationalConstant: -140, centralGravity: 0.01, springLength: 190, springConstant: 0.05, avoidOverlap: 0.8 },
      stabilization: { enabled: true, iterations: 400, updateInterval: 100, fit: true }
    } : false,
    layout: { improvedLayout: false, randomSeed: 4 },
    nodes: { font: { size: 14, face: "system-ui, sans-serif", color: "#111827" }, scaling: { label: { drawThreshold: 6 } } },
    edges: {
      smooth: false, arrows: { to: { enabled: !far, scaleFactor: 0.6 } }, arrowStrikethrough: false,
      font: { size: 11, color: "#4c1d95", strokeWidth: 3, strokeColor: "#ffffff" }, selectionWidth: 1.5,
      scaling: { label: { enabled: false, drawThreshold: 10 } }
    },
    interaction: {
      hover: !big, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
      keyboard: false, multiselect: false, navigationButtons: false
    }
  });
  state.network = network;
  if (data.settle) {
    /* a short seeded settle of the layered positions, then the layout stays put */
    network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: false }); });
  }

  state.count = function () {
    state.nodes = network.body.nodeIndices.length;
    state.edges = network.body.edgeIndices.length;
    return { nodes: state.nodes, edges: state.edges };
  };
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
    edges.update(dashed.map(function (e) { var look = edgeLook(e, far); return { id: e.id, dashes: look.dashes, color: look.color }; }));
  }
  state.far = function () { return far; };
  network.on("afterDrawing", function () { state.count(); detail(); });

  network.on("click", function (params) {
    var url = null;
    if (params.nodes.length) {
      url = byNode.get(params.nodes[0]).url;
    } else if (params.edges.length && edgeIndex.has(params.edges[0])) {
      url = data.integrations[edgeIndex.get(params.edges[0])].url;
    }
    if (typeof url === "string" && url.indexOf("obsidian://open?vault=") === 0) { state.open(url); }
  });

  /* search: exact name, then exact alias, then the first name or alias containing the text */
  function key(value) { return String(value).normalize("NFC").trim().toLowerCase(); }
  var exact = new Map();
  var names = document.getElementById("system-names");
  data.nodes.forEach(function (n) {
    if (!exact.has(key(n.name))) { exact.set(key(n.name), n.id); }
    var option = document.createElement("option");
    option.value = n.name;
    names.appendChild(option);
  });
  data.nodes.forEach(function (n) {
    n.aliases.forEach(function (a) {
      if (!exact.has(key(a))) { exact.set(key(a), n.id); }
      var option = document.createElement("option");
      option.value = a;
      option.label = "alias of " + n.name;
      names.appendChild(option);
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
    var n = byNode.get(id);
    result.textContent = "Found " + n.name;
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
  });

  /* status toggles */
  var counts = {};
  data.edges.forEach(function (e) { var c = data.integrations[e.i].cls; counts[c] = (counts[c] || 0) + 1; });
  var filter = document.getElementById("status-filter");
  Object.keys(STATUS).forEach(function (cls) {
    if (!counts[cls]) { return; }
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = cls;
    box.addEventListener("change", function () {
      var hidden = !box.checked;
      edges.update(data.edges.filter(function (e) { return data.integrations[e.i].cls === cls; })
        .map(function (e) { return { id: e.id, hidden: hidden }; }));
    });
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + STATUS[cls].label + " (" + counts[cls] + ")"));
    filter.appendChild(label);
  });

  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); });
})();
