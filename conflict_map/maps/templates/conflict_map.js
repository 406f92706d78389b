/* conflict-map event layer: written for conflict-map (MIT). Needs Leaflet (window.L) only.
 * Event text is data: every string reaches the page through textContent or as an attribute value
 * that is checked first (links: http and https only). No innerHTML with event text anywhere. */
(function () {
  'use strict';
  var SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'hexagon'];
  var PRECISION_TIME = {1: 'exact day', 2: 'within a week', 3: 'within a month'};
  var PRECISION_GEO = {1: 'exact place', 2: 'near the place', 3: 'admin region'};
  var CHORO = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];

  function el(tag, cls, text, parent) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function safeUrl(u) {
    if (typeof u !== 'string') { return null; }
    u = u.trim();
    return /^https?:\/\/[^\s]+$/i.test(u) ? u : null;
  }
  function dayString(d) {
    if (d === null || d === undefined || d < -1e8) { return ''; }
    return new Date(d * 86400000).toISOString().slice(0, 10);
  }
  function drawShape(ctx, shape, x, y, r) {
    var i, a;
    ctx.beginPath();
    if (shape === 'square') {
      ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
    } else if (shape === 'triangle') {
      ctx.moveTo(x, y - r * 1.1); ctx.lineTo(x + r, y + r * 0.75); ctx.lineTo(x - r, y + r * 0.75);
      ctx.closePath();
    } else if (shape === 'diamond') {
      ctx.moveTo(x, y - r * 1.2); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r * 1.2); ctx.lineTo(x - r, y);
      ctx.closePath();
    } else if (shape === 'cross') {
      var w = r * 0.4;
      ctx.moveTo(x - w, y - r); ctx.lineTo(x + w, y - r); ctx.lineTo(x + w, y - w); ctx.lineTo(x + r, y - w);
      ctx.lineTo(x + r, y + w); ctx.lineTo(x + w, y + w); ctx.lineTo(x + w, y + r); ctx.lineTo(x - w, y + r);
      ctx.lineTo(x - w, y + w); ctx.lineTo(x - r, y + w); ctx.lineTo(x - r, y - w); ctx.lineTo(x - w, y - w);
      ctx.closePath();
    } else if (shape === 'star') {
      for (i = 0; i < 10; i++) {
        a = -Math.PI / 2 + i * Math.PI / 5;
        var rr = (i % 2 === 0) ? r * 1.2 : r * 0.5;
        if (i === 0) { ctx.moveTo(x + rr * Math.cos(a), y + rr * Math.sin(a)); }
        else { ctx.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a)); }
      }
      ctx.closePath();
    } else if (shape === 'hexagon') {
      for (i = 0; i < 6; i++) {
        a = Math.PI / 6 + i * Math.PI / 3;
        if (i === 0) { ctx.moveTo(x + r * Math.cos(a), y + r * Math.sin(a)); }
        else { ctx.lineTo(x + r * Math.cos(a), y + r * Math.sin(a)); }
      }
      ctx.closePath();
    } else {
      ctx.arc(x, y, r, 0, Math.PI * 2);
    }
  }
  function swatch(color, shape, size) {
    var c = document.createElement('canvas');
    var ratio = window.devicePixelRatio || 1;
    c.width = size * ratio; c.height = size * ratio;
    c.style.width = size + 'px'; c.style.height = size + 'px';
    c.className = 'cm-swatch';
    var ctx = c.getContext('2d');
    ctx.scale(ratio, ratio);
    ctx.fillStyle = color; ctx.strokeStyle = '#222'; ctx.lineWidth = 1;
    drawShape(ctx, shape, size / 2, size / 2, size / 2 - 3);
    ctx.fill(); ctx.stroke();
    return c;
  }
  function readJSON(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }
  function inflateJSON(id) {
    // a browser without DecompressionStream (Firefox < 113, Safari < 16.4) gets a rejected promise,
    // never an exception that would stop the map
    try {
      var b64 = document.getElementById(id).textContent.replace(/\s+/g, '');
      var bin = atob(b64);
      var bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
      return new Response(stream).text().then(JSON.parse);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  function init(map, cfg) {
    var D = readJSON(cfg.dataId);
    var n = D.id.length, nt = D.types.length;
    var lat = D.lat, lon = D.lon, typ = D.t, fat = D.f, day = D.d, reg = D.reg || null;
    var mx = new Float64Array(n), my = new Float64Array(n), rad = new Float32Array(n);
    var i, k;
    for (i = 0; i < n; i++) {
      var la = Math.max(-85.05112878, Math.min(85.05112878, lat[i])) * Math.PI / 180;
      mx[i] = (lon[i] + 180) / 360;
      my[i] = (1 - Math.log(Math.tan(la) + 1 / Math.cos(la)) / Math.PI) / 2;
      rad[i] = fat[i] > 0 ? Math.min(16, 4 + 1.6 * Math.sqrt(fat[i])) : 3.5;
    }
    var dmin = Infinity, dmax = -Infinity;
    for (i = 0; i < n; i++) {
      if (day[i] > -1e8) { if (day[i] < dmin) { dmin = day[i]; } if (day[i] > dmax) { dmax = day[i]; } }
    }
    var hasDates = dmin <= dmax;
    var state = {on: [], from: dmin, to: dmax, markers: true, heat: false, choro: D.regions ? 'events' : 'none'};
    for (k = 0; k < nt; k++) { state.on.push(true); }
    var mask = new Uint8Array(n), shown = 0, typeCounts = new Array(nt).fill(0);
    for (i = 0; i < n; i++) { typeCounts[typ[i]]++; }
    function applyFilter() {
      var full = !hasDates || (state.from <= dmin && state.to >= dmax);
      shown = 0;
      for (var j = 0; j < n; j++) {
        var ok = state.on[typ[j]] && (full || (day[j] >= state.from && day[j] <= state.to));
        mask[j] = ok ? 1 : 0;
        shown += mask[j];
      }
    }
    applyFilter();

    var T = null, textWaiters = [];
    function textReady(cb) { if (T) { cb(); } else { textWaiters.push(cb); } }
    function gotText(t) { T = t; var w = textWaiters; textWaiters = []; w.forEach(function (f) { f(); }); }
    function txt(col, j) {
      var c = T && T[col];
      if (!c) { return ''; }
      var v = c.k ? c.v[c.k[j]] : c.v[j];
      return v === null || v === undefined ? '' : String(v);
    }

    if (cfg.maxZoom) { map.setMaxZoom(cfg.maxZoom); }
    if (cfg.minZoom !== undefined) { map.setMinZoom(cfg.minZoom); }

    // ---- panes and canvases --------------------------------------------------------------------
    map.createPane('cmRegions').style.zIndex = 350;
    map.createPane('cmEvents').style.zIndex = 450;
    map.getPane('cmEvents').style.pointerEvents = 'none';
    var canvas = L.DomUtil.create('canvas', 'cm-canvas leaflet-zoom-hide', map.getPane('cmEvents'));
    var heatCanvas = L.DomUtil.create('canvas', 'cm-heat leaflet-zoom-hide', map.getPane('cmEvents'));
    canvas.style.pointerEvents = 'none'; heatCanvas.style.pointerEvents = 'none';
    heatCanvas.style.zIndex = 0; canvas.style.zIndex = 1;
    var items = [], drawn = 0, frames = 0;
    var CELL = cfg.cellSize || 56;

    function sizeCanvas(c, size, ratio) {
      c.width = Math.round(size.x * ratio); c.height = Math.round(size.y * ratio);
      c.style.width = size.x + 'px'; c.style.height = size.y + 'px';
      c.style.position = 'absolute';
      L.DomUtil.setPosition(c, map.containerPointToLayerPoint([0, 0]));
    }

    function redraw() {
      frames++;
      var size = map.getSize(), ratio = window.devicePixelRatio || 1;
      sizeCanvas(canvas, size, ratio); sizeCanvas(heatCanvas, size, ratio);
      var ctx = canvas.getContext('2d');
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      var z = map.getZoom(), scale = 256 * Math.pow(2, z), pb = map.getPixelBounds().min;
      var x0 = pb.x, y0 = pb.y, W = size.x, H = size.y, m = CELL, j, px, py;
      items = []; drawn = 0;
      if (state.heat) { drawHeat(ctx, scale, x0, y0, W, H, ratio); }
      else { heatCanvas.getContext('2d').clearRect(0, 0, heatCanvas.width, heatCanvas.height); }
      if (!state.markers) { return; }
      var singles = [];
      if (z >= cfg.clusterMaxZoom) {
        for (j = 0; j < n; j++) {
          if (!mask[j]) { continue; }
          px = mx[j] * scale - x0; py = my[j] * scale - y0;
          if (px < -20 || py < -20 || px > W + 20 || py > H + 20) { continue; }
          singles.push(j);
        }
      } else {
        var bins = new Map(), list = [];
        for (j = 0; j < n; j++) {
          if (!mask[j]) { continue; }
          var ax = mx[j] * scale, ay = my[j] * scale;
          px = ax - x0; py = ay - y0;
          if (px < -m || py < -m || px > W + m || py > H + m) { continue; }
          var key = Math.floor(ax / m) * 1048576 + Math.floor(ay / m);
          var b = bins.get(key);
          if (b === undefined) {
            b = {key: key, c: 0, sx: 0, sy: 0, first: j, f: 0, x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity,
                 tc: new Uint32Array(nt)};
            bins.set(key, b); list.push(b);
          }
          b.c++; b.sx += px; b.sy += py; b.tc[typ[j]]++;
          if (fat[j] > 0) { b.f += fat[j]; }
          if (mx[j] < b.x1) { b.x1 = mx[j]; } if (mx[j] > b.x2) { b.x2 = mx[j]; }
          if (my[j] < b.y1) { b.y1 = my[j]; } if (my[j] > b.y2) { b.y2 = my[j]; }
        }
        for (k = 0; k < list.length; k++) {
          var bb = list[k];
          if (bb.c === 1) { singles.push(bb.first); continue; }
          var cx = bb.sx / bb.c, cy = bb.sy / bb.c;
          var r = Math.min(30, 11 + 3.2 * Math.log(bb.c));
          var dom = 0;
          for (var t = 1; t < nt; t++) { if (bb.tc[t] > bb.tc[dom]) { dom = t; } }
          ctx.globalAlpha = 0.9;
          ctx.fillStyle = bb.c < 10 ? '#b5e28c' : bb.c < 100 ? '#f1d357' : '#fd9c73';
          ctx.beginPath(); ctx.arc(cx, cy, r, 0, Math.PI * 2); ctx.fill();
          ctx.globalAlpha = 1; ctx.lineWidth = 3; ctx.strokeStyle = D.colors[dom]; ctx.stroke();
          ctx.fillStyle = '#111'; ctx.font = 'bold 11px sans-serif'; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
          ctx.fillText(bb.c >= 10000 ? Math.round(bb.c / 1000) + 'k' : String(bb.c), cx, cy);
          items.push({x: cx, y: cy, r: r, bin: bb});
          drawn += bb.c;
        }
      }
      singles.sort(function (a, b) { return rad[b] - rad[a]; });
      ctx.lineWidth = 1; ctx.strokeStyle = 'rgba(20,20,20,0.85)';
      for (k = 0; k < singles.length; k++) {
        j = singles[k];
        px = mx[j] * scale - x0; py = my[j] * scale - y0;
        ctx.fillStyle = D.colors[typ[j]];
        drawShape(ctx, D.shapes[typ[j]], px, py, rad[j]);
        ctx.globalAlpha = 0.85; ctx.fill(); ctx.globalAlpha = 1; ctx.stroke();
        items.push({x: px, y: py, r: rad[j], idx: j});
        drawn += 1;
      }
    }

    var HEAT_PALETTE = (function () {
      var c = document.createElement('canvas'); c.width = 256; c.height = 1;
      var g = c.getContext('2d'), gr = g.createLinearGradient(0, 0, 256, 0);
      gr.addColorStop(0.0, 'rgba(0,0,255,0)'); gr.addColorStop(0.25, '#2c7bb6'); gr.addColorStop(0.5, '#abd9e9');
      gr.addColorStop(0.7, '#fdae61'); gr.addColorStop(1.0, '#d7191c');
      g.fillStyle = gr; g.fillRect(0, 0, 256, 1);
      return g.getImageData(0, 0, 256, 1).data;
    })();
    function drawHeat(ctx, scale, x0, y0, W, H, ratio) {
      var hc = heatCanvas.getContext('2d'), cell = 6, R = 20, bins = new Map(), max = 0, j;
      hc.setTransform(1, 0, 0, 1, 0, 0);
      hc.clearRect(0, 0, heatCanvas.width, heatCanvas.height);
      for (j = 0; j < n; j++) {
        if (!mask[j]) { continue; }
        var px = mx[j] * scale - x0, py = my[j] * scale - y0;
        if (px < -R || py < -R || px > W + R || py > H + R) { continue; }
        var key = Math.floor(px / cell + 1000) * 100000 + Math.floor(py / cell + 1000);
        var v = (bins.get(key) || 0) + 1;
        bins.set(key, v); if (v > max) { max = v; }
      }
      if (!max) { return; }
      var lmax = Math.log(1 + max);
      hc.setTransform(ratio, 0, 0, ratio, 0, 0);
      bins.forEach(function (v, key) {
        var gx = (Math.floor(key / 100000) - 1000 + 0.5) * cell, gy = (key % 100000 - 1000 + 0.5) * cell;
        var g = hc.createRadialGradient(gx, gy, 0, gx, gy, R);
        var a = Math.min(1, 0.15 + 0.85 * Math.log(1 + v) / lmax);
        g.addColorStop(0, 'rgba(0,0,0,' + a + ')'); g.addColorStop(1, 'rgba(0,0,0,0)');
        hc.fillStyle = g; hc.fillRect(gx - R, gy - R, 2 * R, 2 * R);
      });
      var img = hc.getImageData(0, 0, heatCanvas.width, heatCanvas.height), d = img.data;
      for (var p = 3; p < d.length; p += 4) {
        var al = d[p];
        if (!al) { continue; }
        var o = al * 4;
        d[p - 3] = HEAT_PALETTE[o]; d[p - 2] = HEAT_PALETTE[o + 1]; d[p - 1] = HEAT_PALETTE[o + 2];
        d[p] = Math.min(255, 60 + al);
      }
      hc.putImageData(img, 0, 0);
    }

    var pending = false;
    function schedule() {
      if (pending) { return; }
      pending = true;
      L.Util.requestAnimFrame(function () { pending = false; redraw(); updateTitle(); updateChoro(); });
    }
    map.on('moveend resize', redraw);
    map.on('zoomstart', function () { canvas.style.visibility = 'hidden'; heatCanvas.style.visibility = 'hidden'; });
    map.on('zoomend', function () { canvas.style.visibility = ''; heatCanvas.style.visibility = ''; });

    // ---- popups --------------------------------------------------------------------------------
    function row(tbody, label, value) {
      if (value === '' || value === null || value === undefined) { return; }
      var tr = el('tr', null, null, tbody);
      el('th', null, label, tr);
      var td = el('td', null, null, tr);
      if (value instanceof Node) { td.appendChild(value); } else { td.textContent = String(value); }
    }
    function joinNonEmpty(parts, sep) { return parts.filter(function (p) { return p; }).join(sep); }
    function fillPopup(box, j) {
      var head = el('div', 'cm-popup-head', null, box);
      head.appendChild(swatch(D.colors[typ[j]], D.shapes[typ[j]], 16));
      el('strong', null, D.types[typ[j]], head);
      el('div', 'cm-popup-sub', D.subtypes[D.st[j]], box);
      var tbody = el('tbody', null, null, el('table', 'cm-popup-table', null, box));
      var date = dayString(day[j]);
      if (date && D.tp[j] > 0 && PRECISION_TIME[D.tp[j]]) { date += ' (' + PRECISION_TIME[D.tp[j]] + ')'; }
      row(tbody, 'Date', date || 'unknown');
      if (!T) { el('div', 'cm-popup-loading', 'Loading details\u2026', box); return; }
      var a1 = joinNonEmpty([txt('actor1', j), txt('assoc_actor_1', j) ? '(with ' + txt('assoc_actor_1', j) + ')' : ''], ' ');
      var a2 = joinNonEmpty([txt('actor2', j), txt('assoc_actor_2', j) ? '(with ' + txt('assoc_actor_2', j) + ')' : ''], ' ');
      row(tbody, 'Actors', joinNonEmpty([a1, a2], ' vs. '));
      var f = fat[j] < 0 ? 'unknown' : String(fat[j]);
      var fr = txt('fatalities_range', j);
      row(tbody, 'Fatalities', fr ? f + ' (reported ' + fr + ')' : f);
      var place = txt('location', j);
      var gp = D.gp[j];
      if (place && gp > 0 && PRECISION_GEO[gp]) { place += ' (precision ' + gp + ': ' + PRECISION_GEO[gp] + ')'; }
      row(tbody, 'Place', place);
      row(tbody, 'Admin', joinNonEmpty([txt('admin3', j), txt('admin2', j), txt('admin1', j), txt('country', j)], ', '));
      row(tbody, 'Coordinates', lat[j].toFixed(4) + ', ' + lon[j].toFixed(4));
      var src = txt('source', j), url = safeUrl(txt('source_url', j));
      if (url) {
        var a = el('a', null, src || url);
        a.href = url; a.target = '_blank'; a.rel = 'noopener noreferrer nofollow';
        row(tbody, 'Source', a);
      } else {
        row(tbody, 'Source', joinNonEmpty([src, txt('source_url', j)], ' \u2014 '));
      }
      row(tbody, 'Event id', D.id[j]);
      if (T.unreadable) {
        el('div', 'cm-popup-loading', 'Actors, place names, sources and evidence are stored compressed in this ' +
           'map and this browser cannot read them; open the map in a recent browser.', box);
      }
      var ev = txt('evidence', j);
      if (ev) { el('blockquote', 'cm-popup-evidence', ev, box); }
    }
    var popup = L.popup({maxWidth: 380, minWidth: 240, autoPanPadding: [30, 30], className: 'cm-leaflet-popup'});
    var popupOpenCount = 0;
    function openStack(members, pos) {
      if (popup.isOpen()) { map.closePopup(popup); }
      var box = el('div', 'cm-popup');
      function show(p) {
        box.textContent = '';
        var j = members[p];
        box.setAttribute('data-event-id', D.id[j]);
        if (members.length > 1) {
          var nav = el('div', 'cm-popup-nav', null, box);
          var prev = el('button', null, '\u25c0', nav); prev.type = 'button'; prev.disabled = p === 0;
          el('span', null, (p + 1) + ' of ' + members.length + ' events here', nav);
          var next = el('button', null, '\u25b6', nav); next.type = 'button'; next.disabled = p === members.length - 1;
          L.DomEvent.on(prev, 'click', function (e) { L.DomEvent.stop(e); show(p - 1); });
          L.DomEvent.on(next, 'click', function (e) { L.DomEvent.stop(e); show(p + 1); });
        }
        fillPopup(box, j);
        if (!T) { textReady(function () { if (popup.isOpen() && popup.getContent() === box) { show(p); popup.update(); } }); }
        if (popup.isOpen() && popup.getContent() === box) { popup.update(); }
      }
      show(pos || 0);
      popup.setLatLng([lat[members[pos || 0]], lon[members[pos || 0]]]).setContent(box).openOn(map);
      popupOpenCount++;
      return box;
    }
    function membersOf(bin) {
      var z = map.getZoom(), scale = 256 * Math.pow(2, z), out = [];
      for (var j = 0; j < n; j++) {
        if (!mask[j]) { continue; }
        var key = Math.floor(mx[j] * scale / CELL) * 1048576 + Math.floor(my[j] * scale / CELL);
        if (key === bin.key) { out.push(j); }
      }
      return out;
    }
    function hit(cp) {
      for (var q = items.length - 1; q >= 0; q--) {
        var it = items[q], dx = it.x - cp.x, dy = it.y - cp.y, rr = it.r + 3;
        if (dx * dx + dy * dy <= rr * rr) { return it; }
      }
      return null;
    }
    map.on('click', function (e) {
      var it = hit(e.containerPoint);
      if (!it) { return; }
      if (it.idx !== undefined) {
        // every event drawn at this very spot is reachable from the popup
        var same = [];
        for (var q = 0; q < items.length; q++) {
          var o = items[q];
          if (o.idx !== undefined && Math.abs(o.x - it.x) < 1 && Math.abs(o.y - it.y) < 1) { same.push(o.idx); }
        }
        same.sort(function (a, b) { return a - b; });
        openStack(same, same.indexOf(it.idx));
        return;
      }
      var b = it.bin, z = map.getZoom();
      var spread = Math.max(b.x2 - b.x1, b.y2 - b.y1) * 256 * Math.pow(2, z);
      if (spread < 1 || z >= map.getMaxZoom()) { openStack(membersOf(b), 0); return; }
      var sw = map.unproject([b.x1 * 256, b.y2 * 256], 0), ne = map.unproject([b.x2 * 256, b.y1 * 256], 0);
      var target = Math.max(z + 1, Math.min(map.getBoundsZoom(L.latLngBounds(sw, ne).pad(0.2)), map.getMaxZoom()));
      map.setView(L.latLngBounds(sw, ne).getCenter(), target);
    });
    map.on('mousemove', function (e) {
      map.getContainer().style.cursor = hit(e.containerPoint) ? 'pointer' : '';
    });

    // ---- title ---------------------------------------------------------------------------------
    var titleBox = L.DomUtil.create('div', 'cm-title', map.getContainer());
    L.DomEvent.disableClickPropagation(titleBox);
    var titleMain = el('div', 'cm-title-main', cfg.title, titleBox);
    var titleCounts = el('div', 'cm-title-counts', '', titleBox);
    function plural(x, w) { return x.toLocaleString('en-US') + ' ' + w + (x === 1 ? '' : 's'); }
    function updateTitle() {
      var s = plural(D.total, 'event');
      if (D.unlocated) { s += ' (' + D.unlocated.toLocaleString('en-US') + ' unlocated)'; }
      if (shown !== n) { s += ' \u00b7 ' + shown.toLocaleString('en-US') + ' shown'; }
      if (hasDates) { s += ' \u00b7 ' + dayString(state.from) + ' to ' + dayString(state.to); }
      titleCounts.textContent = s;
    }

    // ---- regions -------------------------------------------------------------------------------
    var regionLayer = null, regionCounts = null, breaks = [];
    function updateChoro() {
      if (!regionLayer) { return; }
      var nr = D.regions.names.length, byFat = state.choro === 'fatalities';
      regionCounts = new Float64Array(nr);
      if (reg) {
        for (var j = 0; j < n; j++) {
          if (mask[j] && reg[j] >= 0) { regionCounts[reg[j]] += byFat ? Math.max(0, fat[j]) : 1; }
        }
      }
      var vals = Array.prototype.slice.call(regionCounts).filter(function (v) { return v > 0; }).sort(function (a, b) { return a - b; });
      breaks = [];
      for (var q = 1; q < CHORO.length; q++) {
        if (vals.length) { breaks.push(vals[Math.min(vals.length - 1, Math.floor(q * vals.length / CHORO.length))]); }
      }
      regionLayer.setStyle(regionStyle);
      renderChoroLegend();
    }
    function regionStyle(feature) {
      var idx = feature.properties.i, v = regionCounts ? regionCounts[idx] : 0;
      var base = {color: '#555', weight: 1, opacity: 0.8, fill: true, fillOpacity: 0, fillColor: '#fff'};
      if (state.choro === 'none' || !v) { base.fillOpacity = cfg.tiles ? 0 : 0.5; base.fillColor = '#fafafa'; return base; }
      var c = 0;
      while (c < breaks.length && v > breaks[c]) { c++; }
      base.fillColor = CHORO[Math.min(c, CHORO.length - 1)];
      base.fillOpacity = map.getZoom() >= 9 ? 0.25 : 0.5;  // lighter when zoomed in on a region
      return base;
    }
    if (D.regions) {
      regionLayer = L.geoJSON(D.regions.geojson, {pane: 'cmRegions', style: regionStyle});
      regionLayer.bindTooltip(function (layer) {
        var idx = layer.feature.properties.i, box = el('div', 'cm-region-tip');
        el('strong', null, D.regions.names[idx], box);
        var v = regionCounts ? regionCounts[idx] : 0;
        el('div', null, (state.choro === 'fatalities' ? 'fatalities: ' : 'events: ') + v.toLocaleString('en-US'), box);
        return box;
      }, {sticky: true});
      regionLayer.addTo(map);
      map.on('zoomend', function () { regionLayer.setStyle(regionStyle); });
    }

    // ---- legend and controls -------------------------------------------------------------------
    var choroLegend = null;
    function renderChoroLegend() {
      if (!choroLegend) { return; }
      choroLegend.textContent = '';
      if (state.choro === 'none') { return; }
      var lo = 1;
      for (var q = 0; q <= breaks.length; q++) {
        var hi = q < breaks.length ? breaks[q] : Math.max.apply(null, Array.prototype.slice.call(regionCounts));
        if (hi < lo) { continue; }
        var r = el('div', 'cm-choro-row', null, choroLegend);
        var sw = el('span', 'cm-choro-swatch', null, r); sw.style.background = CHORO[Math.min(q, CHORO.length - 1)];
        el('span', null, lo === hi ? String(lo) : lo + '\u2013' + hi, r);
        lo = hi + 1;
      }
    }
    var ui = {boxes: [], from: null, to: null, setLab: null, toggles: {}};
    function syncUI() {
      for (var t = 0; t < nt; t++) { if (ui.boxes[t]) { ui.boxes[t].checked = state.on[t]; } }
      if (ui.from) { ui.from.value = String(state.from); ui.to.value = String(state.to); ui.setLab(); }
      for (var key in ui.toggles) { if (ui.toggles.hasOwnProperty(key)) { ui.toggles[key].checked = !!state[key]; } }
    }
    var Panel = L.Control.extend({
      options: {position: 'topright'},
      onAdd: function () {
        var box = L.DomUtil.create('div', 'cm-panel leaflet-bar');
        L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
        el('div', 'cm-panel-h', 'Event types', box);
        D.types.forEach(function (name, t) {
          var lab = el('label', 'cm-type', null, box);
          var cb = el('input', null, null, lab); cb.type = 'checkbox'; cb.checked = true;
          cb.setAttribute('data-type-index', String(t));
          ui.boxes[t] = cb;
          lab.appendChild(swatch(D.colors[t], D.shapes[t], 16));
          el('span', 'cm-type-name', name, lab);
          el('span', 'cm-type-count', typeCounts[t].toLocaleString('en-US'), lab);
          L.DomEvent.on(cb, 'change', function () { state.on[t] = cb.checked; applyFilter(); schedule(); });
        });
        el('div', 'cm-panel-h', 'Fatalities', box);
        var sizes = el('div', 'cm-sizes', null, box);
        [0, 1, 10, 50].forEach(function (fv) {
          var r = fv > 0 ? Math.min(16, 4 + 1.6 * Math.sqrt(fv)) : 3.5, s = 2 * Math.ceil(r) + 4;
          var c = document.createElement('canvas'); c.width = s; c.height = s; c.className = 'cm-size';
          var g = c.getContext('2d'); g.fillStyle = '#999'; g.strokeStyle = '#222';
          g.beginPath(); g.arc(s / 2, s / 2, r, 0, Math.PI * 2); g.fill(); g.stroke();
          var w = el('span', 'cm-size-item', null, sizes); w.appendChild(c);
          el('span', null, fv === 50 ? '50+' : String(fv), w);
        });
        el('div', 'cm-note', 'Numbers on circles: events grouped nearby (click to zoom).', box);
        if (hasDates && dmax > dmin) {
          el('div', 'cm-panel-h', 'Time', box);
          var lab1 = el('div', 'cm-time-label', '', box);
          var s1 = el('input', 'cm-time-from', null, box), s2 = el('input', 'cm-time-to', null, box);
          [s1, s2].forEach(function (s) { s.type = 'range'; s.min = String(dmin); s.max = String(dmax); s.step = '1'; });
          s1.value = String(dmin); s2.value = String(dmax);
          ui.from = s1; ui.to = s2;
          var setLab = ui.setLab = function () { lab1.textContent = dayString(state.from) + ' \u2192 ' + dayString(state.to); };
          setLab();
          var onTime = function () {
            var a = +s1.value, b = +s2.value;
            if (a > b) { if (this === s1) { b = a; s2.value = String(b); } else { a = b; s1.value = String(a); } }
            state.from = a; state.to = b; setLab(); applyFilter(); schedule();
          };
          L.DomEvent.on(s1, 'input', onTime, s1); L.DomEvent.on(s2, 'input', onTime, s2);
        }
        el('div', 'cm-panel-h', 'Layers', box);
        var addToggle = function (label, key, cls) {
          var l = el('label', 'cm-toggle ' + cls, null, box);
          var c = el('input', null, null, l); c.type = 'checkbox'; c.checked = state[key];
          ui.toggles[key] = c;
          el('span', null, label, l);
          L.DomEvent.on(c, 'change', function () { state[key] = c.checked; schedule(); });
        };
        addToggle('Markers and clusters', 'markers', 'cm-toggle-markers');
        addToggle('Heat map', 'heat', 'cm-toggle-heat');
        if (D.regions) {
          var sl = el('label', 'cm-toggle', null, box);
          el('span', null, 'Regions shaded by ', sl);
          var sel = el('select', 'cm-choro-select', null, sl);
          [['events', 'events'], ['fatalities', 'fatalities'], ['none', 'nothing']].forEach(function (o) {
            var op = el('option', null, o[1], sel); op.value = o[0];
          });
          sel.value = state.choro;
          L.DomEvent.on(sel, 'change', function () { state.choro = sel.value; updateChoro(); });
          el('div', 'cm-note', 'Regions: ' + D.regions.label, box);
          choroLegend = el('div', 'cm-choro-legend', null, box);
        }
        return box;
      }
    });
    var panel = new Panel().addTo(map);
    if (cfg.attribution) { map.attributionControl.addAttribution(cfg.attribution); }

    // ---- view, first draw, API -----------------------------------------------------------------
    if (n > 0) {
      var b0 = cfg.bounds;
      if (b0[0][0] === b0[1][0] && b0[0][1] === b0[1][1]) { map.setView(b0[0], 8, {animate: false}); }
      else { map.fitBounds(b0, {padding: [30, 30], animate: false}); }
    }
    redraw(); updateTitle(); updateChoro();

    var idIndex = null;
    var api = {
      ready: false,
      eventCount: n,
      totalCount: D.total,
      unlocatedCount: D.unlocated,
      map: map,
      drawnCount: function () { return drawn; },
      shownCount: function () { return shown; },
      renderCount: function () { return frames; },
      popupsOpened: function () { return popupOpenCount; },
      eventIds: function () { return D.id.slice(); },
      openPopup: function (eventId) {
        if (!idIndex) { idIndex = new Map(); for (var q = 0; q < n; q++) { idIndex.set(D.id[q], q); } }
        var j = idIndex.get(String(eventId));
        if (j === undefined) { return false; }
        map.setView([lat[j], lon[j]], Math.max(map.getZoom(), cfg.clusterMaxZoom), {animate: false});
        redraw();
        var box = openStack([j], 0);
        return new Promise(function (resolve) { textReady(function () { resolve(box.isConnected); }); });
      },
      setFilter: function (opts) {
        if (opts.types) { for (var t = 0; t < nt; t++) { state.on[t] = opts.types.indexOf(D.types[t]) >= 0; } }
        if (opts.from !== undefined) { state.from = Math.floor(Date.parse(opts.from) / 86400000); }
        if (opts.to !== undefined) { state.to = Math.floor(Date.parse(opts.to) / 86400000); }
        if (hasDates) {
          state.from = Math.max(dmin, Math.min(dmax, state.from));
          state.to = Math.max(state.from, Math.min(dmax, state.to));
        }
        applyFilter(); syncUI(); redraw(); updateTitle(); updateChoro();
        return shown;
      },
      setHeat: function (on) { state.heat = !!on; syncUI(); redraw(); return state.heat; }
    };
    window.conflictMap = api;
    var finish = function () { api.readyAt = window.performance ? performance.now() : null; api.ready = true; };
    if (cfg.textId) {
      if (cfg.textCompressed) {
        inflateJSON(cfg.textId).then(function (t) { gotText(t); finish(); }, function (err) {
          gotText({unreadable: true}); finish();
          if (window.console) { console.warn('conflict-map: event details could not be decoded: ' + err); }
        });
      } else { gotText(readJSON(cfg.textId)); finish(); }
    } else { gotText({}); finish(); }
    return api;
  }
  window.conflictMapInit = init;
})();
