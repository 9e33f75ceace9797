// Balcão chat widget. One line on any site:
//   <script src="https://DESK/chat/widget.js" data-department="DEPARTMENT-ID" async></script>
// Optional: data-language="pt-BR|pt-PT|en" (else the page's), data-color="#0f5ba7".
// No framework. Everything lives in a shadow root, so the host page's CSS cannot reach it and ours cannot
// leak out. Lines are kept in localStorage until the desk acknowledges them and are resent after a reconnect; the
// conversation's token is kept too, so a reload resumes it.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__balcaoChat) return;
  window.__balcaoChat = true;
  var deskURL = new URL(script.src);
  var department = script.getAttribute("data-department") || "";
  var isColor = function (value) { return /^#[0-9a-fA-F]{6}$/.test(value || ""); };
  var color = isColor(script.getAttribute("data-color")) ? script.getAttribute("data-color") : "#0f5ba7";
  var texts = {
    "pt-BR": { open: "Fale conosco", title: "Atendimento", name: "Seu nome", email: "Seu e-mail", message: "Como podemos ajudar?",
      start: "Iniciar conversa", send: "Enviar", placeholder: "Escreva sua mensagem…", typing: "está digitando…",
      offline: "Nenhum atendente disponível agora. Deixe sua mensagem e responderemos por e-mail.", leave: "Enviar mensagem",
      received: "Recebemos sua mensagem (nº %n). Responderemos por e-mail.", end: "Encerrar", ended: "Conversa encerrada.",
      reconnecting: "Reconectando…", close: "Fechar", waiting: "Aguardando um atendente…", joined: "%s entrou na conversa.",
      transferred: "Transferindo você para outra equipe…", error: "Não foi possível enviar:",
      transcript: "Receber por e-mail", transcriptSent: "Enviamos a conversa para o seu e-mail.", attach: "Anexar arquivo",
      closed: "Estamos fora do horário de atendimento; voltamos %s. Deixe sua mensagem e responderemos por e-mail.",
      department: "Assunto", nameOptional: "Seu nome (opcional)" },
    "pt-PT": { open: "Fale connosco", title: "Apoio", name: "O seu nome", email: "O seu e-mail", message: "Como podemos ajudar?",
      start: "Iniciar conversa", send: "Enviar", placeholder: "Escreva a sua mensagem…", typing: "está a escrever…",
      offline: "Nenhum assistente disponível agora. Deixe a sua mensagem e responderemos por e-mail.", leave: "Enviar mensagem",
      received: "Recebemos a sua mensagem (n.º %n). Responderemos por e-mail.", end: "Terminar", ended: "Conversa terminada.",
      reconnecting: "A restabelecer ligação…", close: "Fechar", waiting: "A aguardar um assistente…", joined: "%s juntou-se à conversa.",
      transferred: "A transferi-lo para outra equipa…", error: "Não foi possível enviar:",
      transcript: "Receber por e-mail", transcriptSent: "Enviámos a conversa para o seu e-mail.", attach: "Anexar ficheiro",
      closed: "Estamos fora do horário de atendimento; voltamos %s. Deixe a sua mensagem e responderemos por e-mail.",
      department: "Assunto", nameOptional: "O seu nome (opcional)" },
    "en": { open: "Chat with us", title: "Support", name: "Your name", email: "Your email", message: "How can we help?",
      start: "Start chat", send: "Send", placeholder: "Type your message…", typing: "is typing…",
      offline: "No one is available right now. Leave a message and we will answer by email.", leave: "Send message",
      received: "We got your message (#%n) and will answer by email.", end: "End chat", ended: "Chat ended.",
      reconnecting: "Reconnecting…", close: "Close", waiting: "Waiting for an agent…", joined: "%s joined the chat.",
      transferred: "Transferring you to another team…", error: "Could not send:",
      transcript: "Email me this chat", transcriptSent: "The chat is on its way to your email.", attach: "Attach a file",
      closed: "We are closed now and open again %s. Leave a message and we will answer by email.",
      department: "Topic", nameOptional: "Your name (optional)" }
  };
  var requested = script.getAttribute("data-language") || document.documentElement.lang || navigator.language || "pt-BR";
  var language = /^pt-pt/i.test(requested) ? "pt-PT" : /^pt/i.test(requested) ? "pt-BR" : /^en/i.test(requested) ? "en" : "pt-BR";
  var t = texts[language];
  var storageKey = "balcao-chat:" + deskURL.origin + ":" + department;

  function load() {
    try { return JSON.parse(localStorage.getItem(storageKey)) || {}; } catch (e) { return {}; }
  }
  function save() {
    try { localStorage.setItem(storageKey, JSON.stringify(state)); } catch (e) { /* private mode: no resume */ }
  }
  var state = load();  // { token, lastSeq, pending: [{clientId, text}], lines: [{id, from, name, text}] }
  state.pending = state.pending || [];
  state.lines = state.lines || [];
  state.lastSeq = state.lastSeq || 0;

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40; bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  // --- the widget's DOM, in a shadow root --------------------------------------------------------------
  var host = document.createElement("div");
  host.setAttribute("data-balcao-chat", "");
  var root = host.attachShadow({ mode: "open" });
  root.innerHTML =
    "<style>" +
    ":host{all:initial;--accent:" + color + "}*{box-sizing:border-box;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:15px}" +
    ".launcher{position:fixed;right:16px;bottom:16px;z-index:2147483000;border:0;border-radius:999px;padding:12px 18px;color:#fff;background:var(--accent);cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}" +
    ".panel{position:fixed;right:16px;bottom:16px;z-index:2147483001;width:360px;max-width:calc(100vw - 16px);height:520px;max-height:calc(100vh - 32px);background:#fff;color:#1d2430;border-radius:12px;box-shadow:0 8px 28px rgba(0,0,0,.3);display:flex;flex-direction:column;overflow:hidden}" +
    "@media (max-width:480px){.panel{right:0;bottom:0;width:100vw;max-width:100vw;height:100%;max-height:100%;border-radius:0}}" +
    ".head{display:flex;justify-content:space-between;align-items:center;padding:12px 14px;color:#fff;background:var(--accent)}" +
    ".head button{background:none;border:0;color:#fff;cursor:pointer;font-size:18px}" +
    ".body{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px}" +
    "form{display:flex;flex-direction:column;gap:8px;padding:12px}" +
    "input,textarea,select{width:100%;border:1px solid #aab3c0;border-radius:8px;padding:8px;font:inherit;color:inherit;background:#fff}" +
    "textarea{resize:none}button.primary{border:0;border-radius:8px;padding:10px;color:#fff;background:var(--accent);cursor:pointer}" +
    ".line{max-width:85%;padding:8px 10px;border-radius:10px;white-space:pre-wrap;overflow-wrap:anywhere}" +
    ".line.visitor{align-self:flex-end;background:#e3edf8}.line.agent{align-self:flex-start;background:#f1f2f4}" +
    ".line .who{display:block;font-size:12px;color:#5a6472;margin-bottom:2px}.line.pending{opacity:.6}" +
    ".fields{display:flex;flex-direction:column;gap:8px}.fields label{font-size:13px;color:#5a6472}.fields .check{display:flex;gap:6px;align-items:center}.fields .check input{width:auto}" +
    ".note{font-size:13px;color:#5a6472;text-align:center}.typing{font-size:13px;color:#5a6472;padding:0 12px 4px;min-height:18px}" +
    ".composer{display:flex;gap:6px;padding:8px;border-top:1px solid #d8dde5}.composer textarea{height:44px}" +
    ".attach{display:flex;align-items:center;cursor:pointer;font-size:18px;padding:0 4px}" +
    ".line a{color:inherit;display:block;margin-top:4px}" +
    ".composer button{border:0;border-radius:8px;padding:0 14px;color:#fff;background:var(--accent);cursor:pointer}" +
    ".foot{display:flex;justify-content:flex-end;padding:0 8px 8px}.foot button{background:none;border:0;color:#5a6472;cursor:pointer;text-decoration:underline}" +
    "[hidden]{display:none!important}" +
    "</style>" +
    "<button class='launcher' part='launcher' type='button'></button>" +
    "<section class='panel' role='dialog' hidden>" +
    "<div class='head'><strong class='title'></strong><button class='close' type='button'>×</button></div>" +
    "<div class='body' aria-live='polite'></div>" +
    "<form class='prechat' hidden><p class='note offline-note' hidden></p>" +
    "<select name='department' hidden></select>" +
    "<input name='name' autocomplete='name' required maxlength='200'><input name='email' type='email' autocomplete='email' required>" +
    "<div class='fields'></div>" +
    "<textarea name='text' rows='3' required maxlength='4000'></textarea><button class='primary' type='submit'></button></form>" +
    "<div class='typing'></div>" +
    "<form class='composer' hidden><label class='attach' title=''>📎<input type='file' name='file' hidden></label><textarea name='text' maxlength='4000'></textarea><button type='submit'></button></form>" +
    "<div class='foot'><button class='transcript' type='button' hidden></button><button class='end' type='button' hidden></button></div>" +
    "</section>";
  var $ = function (selector) { return root.querySelector(selector); };
  var launcher = $(".launcher"), panel = $(".panel"), body = $(".body"), prechat = $(".prechat"), composer = $(".composer");
  var typingBox = $(".typing"), endButton = $(".end");
  launcher.textContent = t.open;
  $(".title").textContent = t.title;
  $(".close").setAttribute("aria-label", t.close);
  prechat.elements.name.placeholder = t.name;
  prechat.elements.email.placeholder = t.email;
  prechat.elements.text.placeholder = t.message;
  composer.elements.text.placeholder = t.placeholder;
  composer.querySelector("button").textContent = t.send;
  endButton.textContent = t.end;
  var transcriptButton = $(".transcript");
  transcriptButton.textContent = t.transcript;
  document.body.appendChild(host);

  // What the desk said about the chosen department (`ready` to our hello): who is online, its form, its choices.
  var welcome = { online: true, form: { requiresName: true, fields: [] }, departments: [] };
  var online = true, ended = false, socket = null, ready = false, retry = 1000, typingTimer = null, typingOn = false;

  function note(text) {
    var p = document.createElement("p");
    p.className = "note";
    p.textContent = text;
    body.appendChild(p);
    body.scrollTop = body.scrollHeight;
    return p;
  }

  // The department's settings: colour, whether it takes chats at all, the form's fields and department choices.
  function applyWelcome() {
    if (isColor(welcome.color)) host.style.setProperty("--accent", welcome.color);
    if (welcome.available === false && !state.token) { launcher.hidden = true; panel.hidden = true; return; }
    var choice = prechat.elements.department;
    if (!choice.options.length && welcome.departments && welcome.departments.length > 1) {
      welcome.departments.forEach(function (d) { choice.appendChild(new Option(d.name, d.id, false, d.id === department)); });
      choice.hidden = false;
      choice.setAttribute("aria-label", t.department);
    }
    var form = welcome.form || { requiresName: true, fields: [] };
    prechat.elements.name.required = form.requiresName !== false;
    prechat.elements.name.placeholder = form.requiresName === false ? t.nameOptional : t.name;
    var box = $(".fields");
    box.textContent = "";
    (form.fields || []).forEach(function (field) { box.appendChild(fieldNode(field)); });
  }

  function fieldNode(field) {
    var label = document.createElement("label");
    var input;
    if (field.kind === "dropdown") {
      input = document.createElement("select");
      input.appendChild(new Option(field.label, ""));
      (field.options || []).forEach(function (option) { input.appendChild(new Option(option, option)); });
    } else {
      input = document.createElement("input");
      input.type = field.kind === "number" ? "number" : field.kind === "date" ? "date" : field.kind === "checkbox" ? "checkbox" : "text";
      input.maxLength = 1000;
    }
    input.name = "cf_" + field.key;
    input.required = !!field.required;
    if (field.kind === "checkbox") {
      label.className = "check";
      label.appendChild(input);
      label.appendChild(document.createTextNode(field.label));
    } else {
      if (input.tagName === "INPUT") input.placeholder = field.label + (field.required ? " *" : "");
      input.setAttribute("aria-label", field.label);
      label.appendChild(input);
    }
    return label;
  }

  function offlineText() {
    if (!welcome.opensAt) return t.offline;
    var when = new Date(welcome.opensAt).toLocaleString(language, { weekday: "long", hour: "2-digit", minute: "2-digit" });
    return t.closed.replace("%s", when);
  }

  function render() {
    var started = !!state.token;
    prechat.hidden = started;
    composer.hidden = !started || ended;
    endButton.hidden = !started || ended;
    transcriptButton.hidden = !started;
    $(".offline-note").hidden = online;
    $(".offline-note").textContent = offlineText();
    prechat.querySelector("button").textContent = online ? t.start : t.leave;
    Array.prototype.forEach.call(body.querySelectorAll(".line"), function (node) { node.remove(); });
    state.lines.forEach(function (line) { body.appendChild(lineNode(line.from, line.name, line.text, false, line.files)); });
    state.pending.forEach(function (line) { body.appendChild(lineNode("visitor", "", line.text, true)); });
    body.scrollTop = body.scrollHeight;
  }

  function lineNode(from, name, text, pending, files) {
    var div = document.createElement("div");
    div.className = "line " + from + (pending ? " pending" : "");
    if (from === "agent" && name) {
      var who = document.createElement("span");
      who.className = "who";
      who.textContent = name;
      div.appendChild(who);
    }
    div.appendChild(document.createTextNode(text));
    (files || []).forEach(function (file) {
      var link = document.createElement("a");
      link.href = file.url;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = "📎 " + file.name;
      div.appendChild(link);
    });
    return div;
  }

  function send(frame) {
    if (socket && ready && socket.readyState === 1) { socket.send(JSON.stringify(frame)); return true; }
    return false;
  }

  function flushPending() {
    state.pending.forEach(function (line) { send({ type: "line", clientId: line.clientId, text: line.text }); });
  }

  function connect() {
    var url = (deskURL.protocol === "https:" ? "wss://" : "ws://") + deskURL.host + "/chat/socket";
    socket = new WebSocket(url);
    ready = false;
    socket.onopen = function () { retry = 1000; };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      switch (frame.type) {
        case "ready":
          // The server greets every connection once it listens (what we send before may be lost); only then do we
          // say hello (answered by a ready with who is online and the greeting) and resume.
          if (!ready) {
            ready = true;
            send({ type: "hello", departmentId: department, language: language });
            if (state.token) send({ type: "resume", token: state.token, lastSeq: state.lastSeq });
          }
          if (typeof frame.online === "boolean") { welcome = frame; online = frame.online; applyWelcome(); }
          if (frame.greeting && !state.token && !body.querySelector(".note.greeting")) note(frame.greeting).classList.add("greeting");
          if (!state.token) render();
          break;
        case "welcome":
          state.token = frame.token;
          ended = frame.state === "ended";
          if (frame.state === "waiting" && !body.querySelector(".note.waiting")) note(t.waiting).classList.add("waiting");
          save();
          flushPending();
          render();
          break;
        case "line":
          if (frame.seq > state.lastSeq) state.lastSeq = frame.seq;
          if (!state.lines.some(function (l) { return l.id === frame.id; })) {
            state.lines.push({ id: frame.id, from: frame.from, name: frame.name, text: frame.text, files: frame.files });
          }
          state.pending = state.pending.filter(function (p) { return p.clientId.toLowerCase() !== frame.id; });
          if (frame.from === "agent") { var waiting = body.querySelector(".note.waiting"); if (waiting) waiting.remove(); }
          save();
          render();
          break;
        case "ack":
          state.pending = state.pending.filter(function (p) { return p.clientId.toLowerCase() !== frame.clientId; });
          save();
          render();
          break;
        case "typing":
          typingBox.textContent = frame.on ? (frame.name + " " + t.typing) : "";
          break;
        case "state":
          if (frame.state === "ended") { ended = true; note(t.ended); render(); }
          else if (frame.state === "active" && frame.agent) {
            var waiting = body.querySelector(".note.waiting");
            if (waiting) waiting.remove();
            note(t.joined.replace("%s", frame.agent)).classList.add("joined");
          } else if (frame.state === "waiting") note(t.transferred).classList.add("transferred");
          break;
        case "transcript":
          if (frame.sent) note(t.transcriptSent);
          break;
        case "offline_received":
          note(t.received.replace("%n", frame.number));
          prechat.hidden = true;
          break;
        case "error":
          if (frame.code === "unknown_conversation") { state = { pending: [], lines: [], lastSeq: 0 }; save(); render(); }
          else note(t.error + " " + frame.message);
          break;
      }
    };
    socket.onclose = function () {
      ready = false;
      if (!panel.hidden && state.token && !ended) typingBox.textContent = t.reconnecting;
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 30000);
    };
  }

  prechat.addEventListener("submit", function (event) {
    event.preventDefault();
    var fields = prechat.elements;
    var extra = {};
    Array.prototype.forEach.call(prechat.querySelectorAll(".fields [name]"), function (input) {
      var value = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value;
      if (value) extra[input.name.slice(3)] = value;
    });
    var frame = { type: online ? "start" : "offline", name: fields.name.value, email: fields.email.value,
      departmentId: fields.department.value || department, text: fields.text.value, clientId: uuid(), language: language,
      fields: extra };
    if (send(frame)) {
      if (online) { state.pending = []; state.lines = []; state.lastSeq = 0; }
      fields.text.value = "";
    }
  });

  composer.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = composer.elements.text.value.trim();
    if (!text) return;
    var line = { clientId: uuid(), text: text };
    state.pending.push(line);
    save();
    render();
    composer.elements.text.value = "";
    send({ type: "line", clientId: line.clientId, text: line.text });
    setTyping(false);
  });
  composer.elements.text.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); composer.requestSubmit(); }
  });
  composer.elements.text.addEventListener("input", function () {
    setTyping(true);
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { setTyping(false); }, 2000);
  });
  function setTyping(on) { if (on !== typingOn) { typingOn = on; send({ type: "typing", on: on }); } }

  // Files go over HTTP (the socket carries text); the stored line then arrives over the socket like any other.
  var fileInput = composer.querySelector("input[type=file]");
  composer.querySelector(".attach").title = t.attach;
  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file || !state.token) return;
    var data = new FormData();
    data.append("token", state.token);
    data.append("clientId", uuid());
    data.append("file", file, file.name);
    var pending = lineNode("visitor", "", "📎 " + file.name, true);
    body.appendChild(pending);
    fetch(deskURL.origin + "/chat/files", { method: "POST", body: data, mode: "cors", credentials: "omit" })
      .then(function (response) { if (!response.ok) throw new Error(String(response.status)); })
      .catch(function (error) { note(t.error + " " + file.name); })
      .then(function () { pending.remove(); fileInput.value = ""; });
  });

  // Another department chosen: ask the desk about it (online, form) before the visitor sends anything.
  prechat.elements.department.addEventListener("change", function () {
    send({ type: "hello", departmentId: prechat.elements.department.value, language: language });
  });

  endButton.addEventListener("click", function () { send({ type: "end" }); });
  transcriptButton.addEventListener("click", function () { send({ type: "transcript" }); });
  launcher.addEventListener("click", function () { panel.hidden = false; launcher.hidden = true; render(); });
  $(".close").addEventListener("click", function () { panel.hidden = true; launcher.hidden = false; });

  connect();
})();
