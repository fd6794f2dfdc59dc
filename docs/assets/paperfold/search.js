// Material's search box, answered by Pagefind: the first query loads Pagefind's
// small entry files and only the index chunks for the words typed, instead of a
// whole-site lunr index (see README, "Search"). Results use Material's markup.
(function () {
  "use strict";
  var form = document.querySelector("[data-pf-search]");
  if (!form || form.dataset.pfBound) return;
  form.dataset.pfBound = "1";

  var input = form.querySelector("[data-pf-search-query]");
  var result = document.querySelector("[data-pf-search-result]");
  var meta = result.querySelector(".md-search-result__meta");
  var list = result.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var config = JSON.parse(document.getElementById("__config").textContent);
  var base = new URL(config.base || ".", location.href);
  var SHOWN = 10;
  var pagefind = null, pending = 0, timer = null;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", base).href).then(function (pf) {
        return pf.options({ baseUrl: base.pathname, excerptLength: 24 }).then(function () {
          return pf.init();
        }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function title(text) {
    var h = document.createElement("h1");
    if (window.paperfoldMath) window.paperfoldMath.renderText(text, h);
    else h.textContent = text;
    return h;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = data.url;
    a.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    article.appendChild(icon);
    article.appendChild(title((data.meta && data.meta.title) || data.url));
    var p = document.createElement("p");
    p.innerHTML = data.excerpt; // Pagefind's excerpt: escaped text with <mark> only
    if (window.paperfoldMath) window.paperfoldMath.renderTextNodes(p);
    article.appendChild(p);
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function show(query) {
    var ticket = ++pending;
    if (!query.trim()) {
      meta.textContent = config.translations["search.result.placeholder"];
      list.replaceChildren();
      return;
    }
    load().then(function (pf) { return pf.search(query); }).then(function (found) {
      if (ticket !== pending || !found) return null;
      return Promise.all(found.results.slice(0, SHOWN).map(function (r) { return r.data(); }))
        .then(function (rows) {
          if (ticket !== pending) return;
          var n = found.results.length;
          var t = config.translations;
          meta.textContent = n === 0 ? t["search.result.none"]
            : n === 1 ? t["search.result.one"]
            : t["search.result.other"].replace("#", n);
          list.replaceChildren.apply(list, rows.map(item));
          if (document.activeElement === input) toggle.checked = true;
        });
    }).catch(function (err) {
      meta.textContent = "Search is unavailable: " + err;
    });
  }

  input.addEventListener("input", function () {
    toggle.checked = true; // Material closes search at the end of an instant navigation
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 120);
  });
  input.addEventListener("focus", load, { once: true });
  input.addEventListener("focus", function () { toggle.checked = true; });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { show(""); input.focus(); }, 0);
  });
  list.addEventListener("click", function (e) {
    if (e.target.closest("a")) toggle.checked = false;
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) setTimeout(function () { input.focus(); }, 50);
  });
  document.addEventListener("keydown", function (e) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (!toggle.checked && !typing && (e.key === "/" || e.key === "s" || e.key === "f")) {
      e.preventDefault();
      toggle.checked = true;
      input.focus();
    } else if (toggle.checked && e.key === "Escape") {
      toggle.checked = false;
      input.blur();
    }
  });
})();
