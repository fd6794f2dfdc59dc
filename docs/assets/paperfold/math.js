// Render the math that pymdownx.arithmatex (generic mode) leaves as
// <span class="arithmatex">\(...\)</span> or <div class="arithmatex">\[...\]</div>,
// with the KaTeX copy the site serves itself (assets/vendor/katex, see site_assets.py).
// document$ fires on the first load and after every instant navigation.
(function () {
  "use strict";
  var INLINE = /\\\(([\s\S]+?)\\\)/g;

  function renderElement(el) {
    if (el.dataset.pfMath || !window.katex) return;
    var tex = el.textContent.trim();
    var display = tex.startsWith("\\[");
    var body = tex.replace(/^\\[\(\[]/, "").replace(/\\[\)\]]$/, "");
    window.katex.render(body, el, { throwOnError: false, displayMode: display });
    el.dataset.pfMath = "1";
  }

  function renderIn(root) {
    root.querySelectorAll(".arithmatex").forEach(renderElement);
  }

  // The header shows the page title as plain text ("… $H$-chromatic …") once the
  // H1 scrolls away; render its $…$ too.
  var DOLLARS = /\$([^$\s](?:[^$]*[^$\s])?)\$/g;
  function renderHeaderTitle() {
    // also the related papers' titles (overrides/partials/related*.html): text from front matter too
    document.querySelectorAll("[data-md-component=header-topic] .md-ellipsis, .pf-related__link").forEach(function (el) {
      if (el.dataset.pfMath || !DOLLARS.test(el.textContent)) return;
      var text = el.textContent.trim().replace(DOLLARS, "\\($1\\)");
      el.textContent = "";
      renderText(text, el);
      el.dataset.pfMath = "1";
    });
  }

  // Plain text that may hold \( ... \) (a search result's title) -> DOM nodes.
  function renderText(text, into) {
    var last = 0, match;
    INLINE.lastIndex = 0;
    while ((match = INLINE.exec(text))) {
      into.appendChild(document.createTextNode(text.slice(last, match.index)));
      var span = document.createElement("span");
      if (window.katex) {
        window.katex.render(match[1], span, { throwOnError: false });
      } else {
        span.textContent = match[0];
      }
      into.appendChild(span);
      last = INLINE.lastIndex;
    }
    into.appendChild(document.createTextNode(text.slice(last)));
  }

  // HTML that holds \( ... \) as text (a Pagefind excerpt, with <mark>s): math that
  // sits whole in one text node is rendered; delimiters a <mark> split are dropped.
  function renderTextNodes(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      if (node.nodeValue.indexOf("\\(") < 0 && node.nodeValue.indexOf("\\)") < 0) return;
      var span = document.createElement("span");
      renderText(node.nodeValue, span);
      span.childNodes.forEach(function (child) {
        if (child.nodeType === 3) child.nodeValue = child.nodeValue.replace(/\\[()]/g, "");
      });
      node.replaceWith.apply(node, Array.from(span.childNodes));
    });
  }

  window.paperfoldMath = { renderIn: renderIn, renderText: renderText, renderTextNodes: renderTextNodes };
  if (window.document$) {
    window.document$.subscribe(function (doc) { renderIn(doc.body || document.body); renderHeaderTitle(); });
  } else {
    renderIn(document.body);
    renderHeaderTitle();
  }
})();
