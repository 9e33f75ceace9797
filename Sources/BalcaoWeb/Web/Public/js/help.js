// Balcão agent workspace: the help section's Markdown preview and the reply box's "insert article link".
// Both are conveniences over forms that work without JavaScript (the editor's Preview button re-renders the page).
(function () {
  "use strict";
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";

  // Preview: each language's Markdown renders under it as the author types, exactly as readers will see it.
  for (const input of document.querySelectorAll("textarea.markdown-input")) {
    const target = document.getElementById(input.dataset.preview);
    if (!target) continue;
    let timer;
    const render = () => {
      if (!input.value.trim()) { target.hidden = true; return; }
      fetch("/agent/help/preview", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": csrf, "X-Requested-With": "fetch" },
        body: "markdown=" + encodeURIComponent(input.value),
      }).then((response) => response.ok ? response.text() : Promise.reject(response.status))
        .then((html) => { target.innerHTML = html; target.hidden = false; })  // sanitized by Balcão
        .catch(() => {});
    };
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(render, 400); });
  }

  // Insert an article link into the reply: search published articles the requester can open; a click puts
  // "Title: https://…/help/articles/…" where the cursor is.
  const box = document.getElementById("article-links");
  const search = document.getElementById("article-link-search");
  const results = document.getElementById("article-link-results");
  const composer = document.getElementById("composer-body");
  if (!box || !search || !results || !composer) return;
  let timer;
  const find = () => {
    const query = search.value.trim();
    if (query.length < 2) { results.replaceChildren(); return; }
    const url = "/agent/help/links?for=" + encodeURIComponent(box.dataset.requesterKind || "customer") + "&q=" + encodeURIComponent(query);
    fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then((response) => response.ok ? response.json() : [])
      .then((links) => {
        results.replaceChildren(...links.map((link) => {
          const item = document.createElement("li");
          const button = document.createElement("button");
          button.type = "button";
          button.className = "link insert-article";
          button.textContent = link.title;
          button.addEventListener("click", () => insert(link.title + ": " + link.url));
          item.append(button);
          return item;
        }));
      }).catch(() => {});
  };
  const insert = (text) => {
    const start = composer.selectionStart ?? composer.value.length, end = composer.selectionEnd ?? start;
    const before = composer.value.slice(0, start), after = composer.value.slice(end);
    const spaced = (before && !before.endsWith("\n") ? "\n" : "") + text + "\n";
    composer.value = before + spaced + after;
    composer.focus();
    composer.selectionStart = composer.selectionEnd = before.length + spaced.length;
    composer.dispatchEvent(new Event("input"));
  };
  search.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(find, 250); });
  search.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); find(); } });
})();
