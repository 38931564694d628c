// The casebook's chart widget in the browser (casebook/views/chart.py): one plotly chart that
// stays on the page. A new figure from Python is applied with Plotly.react, which changes the
// drawn chart in place instead of throwing it away. plotly.js is loaded once per page, from the
// address where the app serves the casebook's file (`library`; never from the internet); where
// it is not served (JupyterLab: `library` is empty, or the address fails) the kernel sends it
// once over the widget's channel.
// Points of the trace whose uid is `drag` can be dragged; where one is let go, the widget tells
// Python ({kind: "moved", point, x, y}), which owns the placement and draws the chart anew.

const LOADING = "__casebookPlotly";

function fromScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.dataset.casebookPlotly = "1";
    script.onload = () => (window.Plotly ? resolve(window.Plotly) : reject(new Error(src)));
    script.onerror = () => {
      script.remove();
      reject(new Error(src));
    };
    document.head.appendChild(script);
  });
}

function fromKernel(model) {
  // The kernel answers {kind: "plotly", source} once; the source runs as a classic script.
  return new Promise((resolve, reject) => {
    const heard = (msg) => {
      if (!msg || msg.kind !== "plotly") return;
      model.off("msg:custom", heard);
      if (!msg.source) {
        reject(new Error("the kernel has no plotly.js"));
        return;
      }
      const url = URL.createObjectURL(new Blob([msg.source], { type: "text/javascript" }));
      fromScript(url).then(resolve, reject);
    };
    model.on("msg:custom", heard);
    model.send({ kind: "need_plotly" });
  });
}

function plotly(model) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window[LOADING]) {
    const library = model.get("library");
    window[LOADING] = library
      ? fromScript(library).catch(() => fromKernel(model))
      : fromKernel(model);
    window[LOADING].catch(() => {
      window[LOADING] = null; // a later chart may try again
    });
  }
  return window[LOADING];
}

function dragging(Plotly, div, model) {
  // Drag a point of the trace with uid model.get("drag"); tell Python where it was let go.
  let held = null;
  const traceOf = () => {
    const name = model.get("drag");
    if (!name || !div._fullData) return -1;
    return div._fullData.findIndex((trace) => trace.uid === name);
  };
  const toData = (event) => {
    const layout = div._fullLayout;
    const box = div.getBoundingClientRect();
    const xa = layout.xaxis;
    const ya = layout.yaxis;
    const x = xa.p2l(event.clientX - box.left - xa._offset);
    const y = ya.p2l(event.clientY - box.top - ya._offset);
    const clip = (v, range) => Math.min(Math.max(v, Math.min(...range)), Math.max(...range));
    return [clip(x, xa.range), clip(y, ya.range)];
  };
  const nearest = (event) => {
    const k = traceOf();
    if (k < 0) return null;
    const trace = div._fullData[k];
    const layout = div._fullLayout;
    const box = div.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    let best = null;
    (trace.x || []).forEach((x, i) => {
      const sx = layout.xaxis._offset + layout.xaxis.l2p(x);
      const sy = layout.yaxis._offset + layout.yaxis.l2p(trace.y[i]);
      const d = Math.hypot(sx - px, sy - py);
      if (d <= 14 && (!best || d < best.d)) best = { d, i };
    });
    if (!best) return null;
    const ids = trace.customdata || [];
    const id = Array.isArray(ids[best.i]) ? ids[best.i][0] : ids[best.i];
    return { trace: div.data.findIndex((t) => t.uid === trace.uid), i: best.i, id };
  };
  const down = (event) => {
    if (event.button !== 0) return;
    const hit = nearest(event);
    if (!hit || hit.trace < 0) return;
    held = hit;
    div.setPointerCapture?.(event.pointerId);
    event.preventDefault();
    event.stopPropagation();
  };
  const move = (event) => {
    if (!held) {
      div.style.cursor = nearest(event) ? "grab" : "";
      return;
    }
    const [x, y] = toData(event);
    const trace = div.data[held.trace];
    const xs = [...trace.x];
    const ys = [...trace.y];
    xs[held.i] = x;
    ys[held.i] = y;
    Plotly.restyle(div, { x: [xs], y: [ys] }, [held.trace]);
    held.x = x;
    held.y = y;
    event.preventDefault();
    event.stopPropagation();
  };
  const up = (event) => {
    if (!held) return;
    const { id, x, y } = held;
    held = null;
    event.stopPropagation();
    if (x !== undefined && id !== undefined) model.send({ kind: "moved", point: id, x, y });
  };
  // A finger that holds a marker moves it, not the page (touch-action is pan-y: the browser
  // would scroll unless its first move is stopped, which a passive listener cannot do).
  div.addEventListener(
    "touchmove",
    (event) => {
      if (held) event.preventDefault();
    },
    { passive: false, capture: true },
  );
  // Capture: the plot's own drag (zoom, pan) must not start when a point is taken.
  div.addEventListener("pointerdown", down, true);
  div.addEventListener("pointermove", move, true);
  div.addEventListener("pointerup", up, true);
  div.addEventListener("pointercancel", () => (held = null), true);
}

function textOf(html) {
  // escaped HTML (the casebook's, casebook.charts.base) as the text it shows; a template's
  // content is inert: nothing in it loads or runs
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.content.textContent;
}

function alternative(div, el) {
  // The chart's text alternative (casebook.charts.base.Alt, in the figure's layout.meta): the
  // drawing named by its title (role img: plotly's SVG inside is not read piece by piece) and
  // described by the summary; the data as a table behind a native "show as table" disclosure
  // (HTML the casebook escaped); a changed summary said once in a polite live region, never
  // on the first drawing (the page opening is not a change).
  const summary = document.createElement("p");
  // numbered on the window: this module may be read once per chart (ids must stay unique)
  window.__cbDescribed = (window.__cbDescribed || 0) + 1;
  summary.id = `cb-chart-said-${window.__cbDescribed}`;
  summary.hidden = true;
  const table = document.createElement("div");
  table.className = "cb-chart-table";
  const live = document.createElement("div");
  live.className = "cb-said";
  live.setAttribute("aria-live", "polite");
  live.dataset.said = "0";
  el.append(summary, table, live);
  let last = null;
  let tableHtml = null;
  let open = false;
  return (figure) => {
    const alt = ((figure.layout || {}).meta || {}).casebook_alt;
    if (!alt || !figure.data) {
      ["role", "aria-label", "aria-describedby"].forEach((a) => div.removeAttribute(a));
      summary.textContent = "";
      table.textContent = "";
      tableHtml = null;
      return;
    }
    const said = textOf(alt.summary);
    div.setAttribute("role", "img");
    div.setAttribute("aria-label", textOf(alt.name));
    div.setAttribute("aria-describedby", summary.id);
    summary.textContent = said;
    if (alt.table !== tableHtml) {
      const was = table.querySelector("details");
      open = was ? was.open : open;
      table.innerHTML = alt.table; // escaped by the casebook (casebook.markup.table_html)
      const now = table.querySelector("details");
      if (now) now.open = open; // a reader who opened the table keeps it open
      tableHtml = alt.table;
    }
    if (last !== null && said !== last) {
      live.textContent = said;
      live.dataset.said = String(Number(live.dataset.said) + 1);
    }
    last = said;
  };
}

async function render({ model, el }) {
  const div = document.createElement("div");
  div.className = "casebook-chart";
  el.appendChild(div);
  const describe = alternative(div, el);
  let Plotly;
  try {
    Plotly = await plotly(model);
  } catch (err) {
    div.textContent = model.get("unavailable");
    div.setAttribute("role", "status");
    return () => {};
  }
  // One drawing at a time, in order; a figure that arrives meanwhile is drawn after it.
  let queue = Promise.resolve();
  const draw = () => {
    const heard = performance.now();
    queue = queue
      .then(() => {
        const figure = model.get("figure") || {};
        describe(figure);
        if (!figure.data) {
          Plotly.purge(div);
          div.hidden = true;
          return null;
        }
        div.hidden = false;
        return Plotly.react(div, figure.data, figure.layout || {}, figure.config || {});
      })
      .then(() => {
        // what the page has drawn, and how long that took from the figure's arrival (ms)
        div.dataset.drawMs = String(Math.round(performance.now() - heard));
        div.dataset.drawn = String(model.get("serial"));
      })
      .catch((err) => console.error("casebook chart:", err));
  };
  model.on("change:serial", draw);
  // The chart takes its box's width whenever that changes, not only when the window's does
  // (plotly's `responsive`): a chart drawn before its page is on the screen (a page the
  // reader moves to inside the app's session) was drawn at plotly's default width.
  const fit = new ResizeObserver(() => {
    queue = queue.then(() => {
      const drawn = div._fullLayout && div._fullLayout.width;
      if (drawn && div.isConnected && div.clientWidth && Math.abs(drawn - div.clientWidth) >= 1) {
        // the new width alone: plotly's Plots.resize also drops the figure's own height, and
        // the chart's box, sized by its drawing, then fell to 0 px high (the chart vanished
        // after a window narrowed from 390 to 320 px)
        return Plotly.relayout(div, { width: div.clientWidth });
      }
      return null;
    }).catch((err) => console.error("casebook chart:", err));
  });
  fit.observe(div);
  // A vertical swipe over a chart scrolls the page; on the plane a finger that lands on a
  // marker drags it instead (dragging() stops the page's scroll once a marker is held).
  div.style.touchAction = "pan-y";
  dragging(Plotly, div, model);
  draw();
  return () => {
    fit.disconnect();
    model.off("change:serial", draw);
    Plotly.purge(div);
  };
}

export default { render };
