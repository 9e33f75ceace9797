// Balcão agent workspace: keyboard shortcuts, live queue rows and counts, presence and typing on ticket pages.
// Pages work without this file; it only enhances them.
(function () {
  "use strict";
  const me = document.querySelector('meta[name="agent-id"]')?.content || "";
  const queuePage = document.getElementById("queue-page");
  const ticketPage = document.getElementById("ticket");

  // ---- Keyboard shortcuts -------------------------------------------------------------------------------------
  function typingInField(event) {
    const t = event.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  function rows() { return Array.from(document.querySelectorAll("#queue-rows tr.ticket-row")); }
  function select(index) {
    const all = rows();
    if (!all.length) return;
    const clamped = Math.max(0, Math.min(index, all.length - 1));
    all.forEach((row) => row.classList.remove("is-selected"));
    all[clamped].classList.add("is-selected");
    all[clamped].scrollIntoView({ block: "nearest" });
  }
  function selectedIndex() { return rows().findIndex((row) => row.classList.contains("is-selected")); }
  const help = document.getElementById("shortcuts-help");
  document.getElementById("shortcuts-close")?.addEventListener("click", () => { help.hidden = true; });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape" && help && !help.hidden) { help.hidden = true; return; }
    if (typingInField(event)) return;
    switch (event.key) {
      case "j": select(selectedIndex() + 1); break;
      case "k": select(selectedIndex() <= 0 ? 0 : selectedIndex() - 1); break;
      case "Enter": case "o": {
        const row = rows()[selectedIndex()];
        if (!row) return;
        window.location.href = row.querySelector("a.ticket-link").href;
        break;
      }
      case "r": case "n": {
        const radio = document.getElementById(event.key === "r" ? "composer-kind-reply" : "composer-kind-note");
        if (!radio) return;
        radio.checked = true;
        radio.dispatchEvent(new Event("change", { bubbles: true }));
        document.getElementById("composer-body").focus();
        break;
      }
      case "/": document.getElementById("search-input")?.focus(); break;
      case "?": if (help) help.hidden = !help.hidden; break;
      default: return;
    }
    event.preventDefault();
  });

  // The composer looks like a note while writing one, so nobody sends a note to a customer by mistake.
  const composer = document.getElementById("composer");
  composer?.addEventListener("change", () => {
    composer.classList.toggle("is-note", document.getElementById("composer-kind-note")?.checked === true);
  });

  // ---- Live updates ----------------------------------------------------------------------------------------------
  if (!("WebSocket" in window)) return;
  let socket;
  let retry = 1000;

  function fetchFragment(url) {
    return fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
      .then((response) => (response.ok ? response.text() : null));
  }
  function fragment(html) {
    const template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function updateCounts(counts) {
    for (const [slug, count] of Object.entries(counts || {})) {
      const link = document.querySelector(`a.queue-link[data-queue="${CSS.escape(slug)}"] .queue-count`);
      if (link) link.textContent = String(count);
    }
  }

  function onQueueChange(change) {
    const view = queuePage.dataset.view;
    const body = document.getElementById("queue-rows");
    const existing = body.querySelector(`tr.ticket-row[data-id="${CSS.escape(change.id)}"]`);
    if (!change.views.includes(view)) { existing?.remove(); return; }
    fetchFragment(`/agent/tickets/${change.number}/row`).then((html) => {
      if (!html) return;
      const row = fragment(html);
      row.classList.add("is-new");
      const current = body.querySelector(`tr.ticket-row[data-id="${CSS.escape(change.id)}"]`);
      if (current) { current.replaceWith(row); } else { body.prepend(row); }
      document.getElementById("queue-empty")?.remove();
    });
  }

  function onTicketChange(change) {
    if (change.id !== ticketPage.dataset.id || !change.messageId) return;
    if (change.authorAgentId && change.authorAgentId === me) return; // our own post reloads the page anyway
    const thread = document.getElementById("thread");
    if (thread.querySelector(`[data-id="${CSS.escape(change.messageId)}"]`)) return;
    fetchFragment(`/agent/tickets/${change.number}/messages/${change.messageId}`).then((html) => {
      if (html) thread.append(fragment(html));
    });
  }

  function onPresence(message) {
    if (!ticketPage || message.id.toLowerCase() !== ticketPage.dataset.id.toLowerCase()) return;
    const box = document.getElementById("presence");
    const list = box.querySelector("ul");
    list.replaceChildren();
    const others = message.viewers.filter((viewer) => viewer.agentId.toLowerCase() !== me.toLowerCase());
    for (const viewer of others) {
      const item = document.createElement("li");
      item.className = "viewer" + (viewer.typing ? " is-typing" : "");
      item.dataset.agent = viewer.agentId;
      item.textContent = viewer.name;
      list.append(item);
    }
    box.classList.toggle("has-viewers", others.length > 0);
  }

  // A spike alert that opened while this page is open: the same banner the next page load shows.
  function showSpike(text) {
    const banner = document.createElement("p");
    banner.className = "alert spike-alert";
    banner.setAttribute("role", "alert");
    const link = document.createElement("a");
    link.href = "/agent/alerts";
    link.textContent = text;
    banner.appendChild(link);
    const main = document.querySelector("main") || document.body;
    main.insertBefore(banner, main.firstChild);
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    socket = new WebSocket(`${scheme}://${location.host}/ws/agent`);
    socket.addEventListener("open", () => { retry = 1000; });
    socket.addEventListener("message", (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch { return; }
      if (message.type === "hello") {
        // The server listens now: say what this page shows.
        if (queuePage) socket.send(JSON.stringify({ type: "queue", view: queuePage.dataset.view }));
        if (ticketPage) socket.send(JSON.stringify({ type: "ticket", id: ticketPage.dataset.id }));
        document.body.dataset.live = "connected";
      } else if (message.type === "change") {
        updateCounts(message.counts);
        if (queuePage) onQueueChange(message);
        if (ticketPage) onTicketChange(message);
      } else if (message.type === "presence") {
        onPresence(message);
      } else if (message.type === "spike") {
        showSpike(message.text);
      }
    });
    socket.addEventListener("close", () => {
      document.body.dataset.live = "disconnected";
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 30000);
    });
  }
  connect();
  // Leaving the page: say so and close, rather than let the browser keep the socket (and our presence) alive.
  window.addEventListener("pagehide", () => {
    if (socket?.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: "leave" }));
      socket.close(1001);
    }
  });

  // Typing indicator: on while keys arrive, off two seconds after the last one.
  const body = document.getElementById("composer-body");
  if (ticketPage && body) {
    let typing = false, timer;
    const send = (state) => {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "typing", id: ticketPage.dataset.id, typing: state }));
    };
    body.addEventListener("input", () => {
      if (!typing) { typing = true; send(true); }
      clearTimeout(timer);
      timer = setTimeout(() => { typing = false; send(false); }, 2000);
    });
  }
})();
