// The medic console: draws medic's Slack messages from their Block Kit JSON, sends clicks, diagnoses pasted configs.
(function () {
  "use strict";
  var token = new URLSearchParams(location.hash.slice(1)).get("token") || "";
  var shownVersion = -1;
  var answers = {}; // message ts -> [{text}] answers to clicks made on it

  function api(method, path, body) {
    var init = { method: method, headers: { "X-Medic-Console-Token": token } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch("/console/api/" + path, init).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) { throw new Error(json.error || ("HTTP " + response.status)); }
        return json;
      });
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // Slack mrkdwn: the text arrives with &, < and > escaped by medic; everything is escaped again before formatting.
  function unescapeSlack(text) {
    return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }
  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function inline(raw) {
    var out = "";
    var parts = raw.split(/(<[^<>\n]+>)/);
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      var control = /^<([^<>|]+)(?:\|([^<>]*))?>$/.exec(part);
      if (control) {
        var target = control[1], label = control[2];
        if (/^https?:\/\//.test(target)) {
          out += '<a href="' + escapeHtml(unescapeSlack(target)) + '" rel="noopener noreferrer" target="_blank">'
            + escapeHtml(unescapeSlack(label || target)) + "</a>";
        } else if (target[0] === "@" || target[0] === "#") {
          out += "<strong>" + escapeHtml(label ? target[0] + unescapeSlack(label) : target) + "</strong>";
        } else {
          out += escapeHtml(unescapeSlack(label || target));
        }
        continue;
      }
      var text = escapeHtml(unescapeSlack(part));
      text = text.replace(/`([^`\n]+)`/g, "<code>$1</code>")
        .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/g, "$1<strong>$2</strong>")
        .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/g, "$1<em>$2</em>")
        .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,:;!?])/g, "$1<del>$2</del>");
      out += text;
    }
    return out;
  }
  function diffLines(code) {
    return code.split("\n").map(function (line) {
      var cls = /^\+(?!\+\+)/.test(line) ? "diff-add" : /^-(?!--)/.test(line) ? "diff-del" : "";
      return cls ? '<span class="' + cls + '">' + escapeHtml(line) + "</span>" : escapeHtml(line) + "\n";
    }).join("");
  }
  function mrkdwn(text) {
    var html = "";
    var pieces = text.split("```");
    for (var i = 0; i < pieces.length; i++) {
      if (i % 2 === 1) {
        html += "<pre>" + diffLines(unescapeSlack(pieces[i].replace(/^\n/, "").replace(/\n$/, ""))) + "</pre>";
      } else {
        html += pieces[i].split("\n").map(function (line) {
          return /^&gt; ?/.test(line) ? "<blockquote>" + inline(line.replace(/^&gt; ?/, "")) + "</blockquote>"
            : inline(line);
        }).join("<br>");
      }
    }
    return html;
  }
  function textObject(object) {
    var node = el("span");
    if (!object) { return node; }
    if (object.type === "mrkdwn") { node.innerHTML = mrkdwn(object.text); } else { node.textContent = object.text; }
    return node;
  }

  function button(element, messageTs) {
    var node = el("button", element.style || "", element.text ? element.text.text : element.action_id);
    node.dataset.action = element.action_id;
    node.dataset.value = element.value || "";
    node.addEventListener("click", function () {
      var confirm = element.confirm;
      if (confirm && !window.confirm([confirm.title, confirm.text].filter(Boolean).map(function (part) {
        return part.text;
      }).join("\n\n"))) {
        return;
      }
      click(node, messageTs);
    });
    return node;
  }

  function renderBlocks(blocks, messageTs) {
    var container = el("div", "blocks");
    blocks.forEach(function (block) {
      var node;
      switch (block.type) {
        case "header": node = el("div", "block-header", block.text.text); break;
        case "divider": node = el("hr", "block-divider"); break;
        case "context":
          node = el("div", "block-context");
          (block.elements || []).forEach(function (element) { node.appendChild(textObject(element)); });
          break;
        case "actions":
          node = el("div", "block-actions");
          (block.elements || []).forEach(function (element) {
            if (element.type === "button") { node.appendChild(button(element, messageTs)); }
          });
          break;
        case "section":
          node = el("div", "block-section");
          var body = el("div");
          if (block.text) { body.appendChild(textObject(block.text)); }
          if (block.fields) {
            var fields = el("div", "block-fields");
            block.fields.forEach(function (field) { fields.appendChild(textObject(field)); });
            body.appendChild(fields);
          }
          node.appendChild(body);
          if (block.accessory && block.accessory.type === "button") {
            node.appendChild(button(block.accessory, messageTs));
          }
          break;
        default:
          node = el("div", "block-unknown", "(a " + block.type + " block the console does not draw)");
      }
      node.dataset.block = block.type;
      container.appendChild(node);
    });
    return container;
  }

  function renderMessage(message, className, ts) {
    var node = el("div", className);
    node.dataset.ts = ts;
    if (message.blocks && message.blocks.length) {
      node.appendChild(renderBlocks(message.blocks, ts));
    } else {
      var text = el("div");
      text.innerHTML = mrkdwn(message.text);
      node.appendChild(text);
    }
    if (message.file) {
      node.appendChild(el("div", "file-name", "📎 " + message.file.name));
      var pre = el("pre");
      pre.innerHTML = diffLines(message.file.content);
      node.appendChild(pre);
    }
    (answers[ts] || []).forEach(function (answer) {
      var note = el("div", "ephemeral");
      note.innerHTML = mrkdwn(answer.text);
      node.appendChild(note);
    });
    return node;
  }

  function render(snapshot) {
    var threads = document.getElementById("threads");
    if (!snapshot.conversations.length) { return; }
    threads.textContent = "";
    snapshot.conversations.forEach(function (conversation) {
      var thread = el("article", "thread");
      thread.dataset.ts = conversation.ts;
      thread.appendChild(renderMessage(conversation.message, "message parent", conversation.ts));
      var replies = el("div", "replies");
      conversation.replies.forEach(function (reply) {
        replies.appendChild(renderMessage(reply, "message reply", reply.ts));
      });
      thread.appendChild(replies);
      threads.appendChild(thread);
    });
  }

  function refresh(force) {
    return api("GET", "threads").then(function (snapshot) {
      document.getElementById("status").textContent = "live";
      if (force || snapshot.version !== shownVersion) {
        shownVersion = snapshot.version;
        render(snapshot);
      }
    }).catch(function (error) {
      document.getElementById("status").textContent = error.message;
    });
  }

  function click(node, messageTs) {
    node.disabled = true;
    api("POST", "clicks", { action: node.dataset.action, value: node.dataset.value }).then(function (accepted) {
      awaitAnswer(accepted.click, messageTs, 0);
    }).catch(function (error) {
      answers[messageTs] = (answers[messageTs] || []).concat([{ text: error.message }]);
      refresh(true);
    });
  }

  function awaitAnswer(clickId, messageTs, tries) {
    api("GET", "clicks/" + encodeURIComponent(clickId)).then(function (result) {
      if (result.answers.length) {
        answers[messageTs] = (answers[messageTs] || []).concat(result.answers);
        refresh(true);
      } else if (tries < 600) {
        setTimeout(function () { awaitAnswer(clickId, messageTs, tries + 1); }, 500);
      }
    });
  }

  function showPasted(result) {
    var box = document.getElementById("paste-result");
    box.textContent = "";
    var heading = el("h3", "", result.findings.length + " finding" + (result.findings.length === 1 ? "" : "s"));
    heading.id = "paste-count";
    box.appendChild(heading);
    var list = el("div");
    list.id = "paste-findings";
    result.findings.forEach(function (finding) {
      var item = el("div", "finding");
      item.dataset.rule = finding.rule;
      item.appendChild(el("span", "severity " + finding.severity, finding.severity));
      item.appendChild(el("strong", "", finding.title));
      item.appendChild(el("div", "file-name", finding.where + " · " + finding.rule));
      item.appendChild(el("div", "", finding.message));
      if (finding.fix) { item.appendChild(el("div", "hint", "Fix: " + finding.fix)); }
      list.appendChild(item);
    });
    box.appendChild(list);
    if (result.diff) {
      box.appendChild(el("h3", "", "Proposed change"));
      var pre = el("pre");
      pre.id = "paste-diff";
      pre.innerHTML = diffLines(result.diff);
      box.appendChild(pre);
    }
    (result.notes || []).forEach(function (note) { box.appendChild(el("p", "hint", note)); });
  }

  document.getElementById("paste-run").addEventListener("click", function () {
    var box = document.getElementById("paste-result");
    box.textContent = "Diagnosing…";
    api("POST", "diagnose", {
      config: document.getElementById("paste-config").value,
      log: document.getElementById("paste-log").value,
      version: document.getElementById("paste-version").value
    }).then(showPasted).catch(function (error) {
      box.textContent = "";
      box.appendChild(el("p", "error", error.message));
    });
  });

  if (!token) {
    document.getElementById("status").textContent = "no login token: open the URL medic printed";
  } else {
    refresh(true);
    setInterval(refresh, 1000);
  }
})();
