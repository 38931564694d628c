// The title bar of every page of the app (casebook/app/site/shell.py): the casebook's pages
// and the one language switch. It owns what only the browser knows or can do: the language
// is put on <html lang>, remembered (localStorage) and kept in the address (?lang=), so that a
// reload, a link and the next visit open in it; the window's width is told to Python ("narrow"
// below 640 px: the charts lay themselves out for a phone); a click on a link to another page
// of the casebook (in the bar or in a page's text) asks Python to show that page inside the
// same session, so that what the reader did on a page is still there when they come back; the
// link's own query goes with it (a weak spot's lesson: /lessen?les=25 opens at lesson 25).

const KEY = "casebook.lang";
const NARROW = 640;

function remember(lang) {
  try { window.localStorage.setItem(KEY, lang); } catch (err) { /* private mode */ }
}

function plainClick(event) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

export default {
  render({ model, el }) {
    const pages = model.get("pages");  // [{path, notebook, nl, en}]
    const texts = model.get("texts");  // {nl: {title, nav, language, loading}, en: {...}}
    const byPath = new Map(pages.map((p) => [p.path, p]));
    const byNotebook = new Map(pages.map((p) => [p.notebook, p]));
    // the teacher's papers: pages of their own beside the session (casebook.papers)
    const papers = model.get("papers") || [];

    // The first thing Tab reaches on every page: past the title bar to the page shown (WCAG
    // 2.4.1). Hidden until focused (casebook.css .cb-skip). It moves the focus to the page's
    // first heading (or its box), so that the next Tab is the page's first control; looked up
    // when used, so that it finds the page shown after a link followed inside the session.
    const skip = document.createElement("a");
    skip.className = "cb-skip";
    skip.href = "#cb-content";
    skip.addEventListener("click", (event) => {
      event.preventDefault();
      const content = document.querySelector(".cb-content");
      if (!content) return;
      const heading = [...content.querySelectorAll("h1, h2, h3")].find(
        (h) => h.getClientRects().length > 0,
      );
      const target = heading || content;
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "start" });
    });
    el.appendChild(skip);

    const nav = document.createElement("nav");
    nav.className = "cb-appbar";
    const title = document.createElement("span");
    title.className = "cb-apptitle";
    nav.appendChild(title);
    const links = pages.filter((p) => p.menu).map((p) => {
      const a = document.createElement("a");
      a.dataset.path = p.path;
      nav.appendChild(a);
      return a;
    });
    const group = document.createElement("span");
    group.className = "cb-langswitch";
    group.setAttribute("role", "group");
    const buttons = ["nl", "en"].map((lang) => {
      const b = document.createElement("button");
      b.type = "button";
      b.dataset.lang = lang;
      b.lang = lang;
      b.textContent = lang === "nl" ? "Nederlands" : "English";
      b.addEventListener("click", () => {
        model.set("lang", lang);
        model.save_changes();
      });
      group.appendChild(b);
      return b;
    });
    nav.appendChild(group);
    el.appendChild(nav);

    function here() {
      const url = new URL(window.location.href);
      return url.pathname.replace(model.get("root"), "/").replace(/\/+/g, "/") || "/";
    }

    function address(path, lang, query) {
      const rest = query ? "&" + query : "";
      return model.get("root").replace(/\/$/, "") + path + "?lang=" + lang + rest;
    }

    // what a link asks of its page besides the language (the lessons page's ?les=25)
    function queryOf(a) {
      let url;
      try { url = new URL(a.getAttribute("href"), window.location.href); } catch (err) { return ""; }
      url.searchParams.delete("lang");
      return url.searchParams.toString();
    }

    function draw() {
      const lang = model.get("lang");
      const current = model.get("current");
      document.documentElement.setAttribute("lang", lang);
      remember(lang);
      title.textContent = texts[lang].title;
      skip.textContent = texts[lang].skip;
      skip.lang = lang;
      nav.setAttribute("aria-label", texts[lang].nav);
      group.setAttribute("aria-label", texts[lang].language);
      buttons.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.lang === lang)));
      links.forEach((a) => {
        const page = byPath.get(a.dataset.path);
        a.textContent = page[lang];
        a.lang = lang;
        a.href = address(page.path, lang);
        if (page.path === current) a.setAttribute("aria-current", "page");
        else a.removeAttribute("aria-current");
      });
      const url = new URL(window.location.href);
      if (url.searchParams.get("lang") !== lang) {
        url.searchParams.set("lang", lang);
        window.history.replaceState(window.history.state, "", url.toString());
      }
      tidy();
    }

    // A link to a page of the casebook: its path in the app, or its notebook's name (the
    // landing page's list and the notebooks' prose link "02_wijken_vergelijken.ipynb").
    function pageOf(a) {
      const href = a.getAttribute("href");
      if (!href || a.target || a.hasAttribute("download")) return null;
      let url;
      try { url = new URL(href, window.location.href); } catch (err) { return null; }
      if (url.origin !== window.location.origin) return null;
      const name = url.pathname.split("/").pop();
      if (byNotebook.has(name)) return byNotebook.get(name);
      const path = url.pathname.replace(model.get("root"), "/").replace(/\/+/g, "/");
      return byPath.get(path) || null;
    }

    // A link to one of the teacher's papers: its path in the app, or its file as a notebook or
    // a view writes it ("../docs/docent.md"); its address below the app's root, or null.
    function paperOf(a) {
      const href = a.getAttribute("href");
      if (!href || a.hasAttribute("download")) return null;
      let url;
      try { url = new URL(href, window.location.href); } catch (err) { return null; }
      if (url.origin !== window.location.origin) return null;
      const name = url.pathname.split("/").pop();
      const path = url.pathname.replace(model.get("root"), "/").replace(/\/+/g, "/");
      const paper = papers.find((p) => p.file === name || p.path === path);
      return paper ? model.get("root").replace(/\/$/, "") + paper.path + url.hash : null;
    }

    function follow(event) {
      if (!plainClick(event)) return;
      const a = event.target.closest && event.target.closest("a[href]");
      if (!a) return;
      const page = pageOf(a);
      if (!page) return;
      event.preventDefault();
      model.send({ go: page.path, query: queryOf(a) });
      window.scrollTo(0, 0);
    }
    document.addEventListener("click", follow, true);

    function tidy() {
      // links to the casebook's pages point at the app's addresses, in the page's language
      const lang = model.get("lang");
      document.querySelectorAll(".cb-content a[href]").forEach((a) => {
        const page = pageOf(a);
        const want = page ? address(page.path, lang, queryOf(a)) : null;
        if (want && a.getAttribute("href") !== want) a.setAttribute("href", want);
        const paper = want ? null : paperOf(a);
        if (paper && a.getAttribute("href") !== paper) a.setAttribute("href", paper);
      });
      // ipywidgets' slider handle (role="slider") has no accessible name: the slider's whole
      // name (its tooltip, on its label, else the label's text), after the name of the group it is in
      // when a text heads its box (the logics page: "MOM: institutioneel (−1) tot ...")
      document.querySelectorAll(".widget-slider").forEach((slider) => {
        const label = slider.querySelector(".widget-label");
        const own = ((label && label.getAttribute("title")) || slider.getAttribute("title")
          || (label ? label.textContent : "")).trim();
        const head = slider.parentElement && slider.parentElement.firstElementChild;
        const group = head && head !== slider && head.matches(".widget-html")
          ? head.textContent.trim() : "";
        const name = group && own ? `${group}: ${own}` : own;
        slider.querySelectorAll("[role=slider]").forEach((handle) => {
          if (name && handle.getAttribute("aria-label") !== name) handle.setAttribute("aria-label", name);
        });
      });
      // Solara's busy bar (shown while the session works) is a progressbar: it needs a name
      const busy = texts[lang].loading;
      document.querySelectorAll(".v-progress-linear[role=progressbar]").forEach((bar) => {
        if (bar.getAttribute("aria-label") !== busy) bar.setAttribute("aria-label", busy);
      });
      // a table wider than a phone scrolls sideways in its own box: reachable with Tab then;
      // one stop per table: the casebook's own tables scroll in a frame that takes the focus
      // (casebook.markup.table_html), and a stop inside it would have its focus cut by it
      document.querySelectorAll(".cb-content table").forEach((table) => {
        if (table.closest(".cb-table-frame")) {
          if (table.getAttribute("tabindex") === "0") table.removeAttribute("tabindex");
        } else if (!table.hasAttribute("tabindex")) table.setAttribute("tabindex", "0");
      });
      // the tabs of a case (ipywidgets' Tab, lumino 1's TabBar) take no focus of their own: one
      // Tab stop per row of tabs, the tab shown (a roving tabindex), the arrows for the others
      document.querySelectorAll(".cb-content .lm-TabBar-tab").forEach((tab) => {
        const want = tab.classList.contains("lm-mod-current") ? "0" : "-1";
        if (tab.getAttribute("tabindex") !== want) tab.setAttribute("tabindex", want);
      });
    }

    // A row of tabs by keyboard (WAI-ARIA's tabs with automatic activation): the arrows, Home
    // and End move to a tab and show it; Enter and Space show the tab focused. Lumino 1 shows
    // a tab on a pointer press only, so that press is what a key sends it, on the tab's middle.
    function press(tab) {
      const box = tab.getBoundingClientRect();
      const at = { bubbles: true, cancelable: true, button: 0,
                   clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
      tab.dispatchEvent(new MouseEvent("mousedown", at));
      tab.dispatchEvent(new MouseEvent("mouseup", at));
    }
    function tabKeys(event) {
      const tab = event.target.closest && event.target.closest(".cb-content .lm-TabBar-tab");
      if (!tab || event.altKey || event.ctrlKey || event.metaKey) return;
      const tabs = [...tab.parentElement.querySelectorAll(":scope > .lm-TabBar-tab")];
      const at = tabs.indexOf(tab);
      const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1,
                   Enter: at, " ": at }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      const next = tabs[(to + tabs.length) % tabs.length];
      tabs.forEach((t) => t.setAttribute("tabindex", t === next ? "0" : "-1"));
      next.focus();
      press(next);
    }
    document.addEventListener("keydown", tabKeys, true);

    function width() {
      const wanted = window.innerWidth < NARROW ? "narrow" : "wide";
      if (model.get("width") !== wanted) {
        model.set("width", wanted);
        model.save_changes();
      }
    }
    let resized = null;
    const onResize = () => {
      window.clearTimeout(resized);
      resized = window.setTimeout(width, 150);
    };
    window.addEventListener("resize", onResize);

    let pending = null;
    const observer = new MutationObserver(() => {
      if (pending === null) pending = window.setTimeout(() => { pending = null; tidy(); }, 50);
    });
    // (and a tab shown by a click: the roving tabindex follows it)
    observer.observe(document.body, { childList: true, subtree: true, attributes: true,
                                      attributeFilter: ["aria-selected"] });

    // Behind a proxy (root /user/ann/casebook) Solara 1.58's router leaves the root out of the
    // address when it shows another page ("/logicas" resolved as a URL against the root): put
    // it back, so that a reload or a bookmark stays in the app
    function rooted() {
      const root = model.get("root").replace(/\/$/, "");
      const path = window.location.pathname;
      if (root && path !== root && !path.startsWith(root + "/")) {
        const fixed = root + path + window.location.search + window.location.hash;
        window.history.replaceState(window.history.state, "", fixed);
      }
    }
    window.addEventListener("solara.router", rooted);

    model.on("change:lang", draw);
    model.on("change:current", draw);
    draw();
    width();
    return () => {
      window.removeEventListener("solara.router", rooted);
      document.removeEventListener("click", follow, true);
      document.removeEventListener("keydown", tabKeys, true);
      window.removeEventListener("resize", onResize);
      observer.disconnect();
    };
  },
};
