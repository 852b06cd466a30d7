// Progressive enhancement only: every form works without scripts.
document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
  select.addEventListener("change", () => select.form.requestSubmit());
});

// An alert send's progress, live: each running send's panel polls its JSON and is updated in place, so the page never
// reloads and nothing typed elsewhere on it is lost. Without script the page is a snapshot with a refresh link.
(() => {
  const panels = [...document.querySelectorAll("[data-progress-url]")];
  if (panels.length === 0 || !window.fetch) {
    return;
  }

  document.querySelectorAll("[data-refresh]").forEach((element) => { element.hidden = true; });
  const number = new Intl.NumberFormat(document.documentElement.lang || undefined);
  const set = (panel, field, text) => {
    const element = panel.querySelector(`[data-field="${field}"]`);
    if (element && element.textContent !== text) {
      element.textContent = text;
    }
  };

  const show = (panel, progress) => {
    set(panel, "statusText", progress.statusText);
    set(panel, "sent", number.format(progress.sent));
    set(panel, "recipients", number.format(progress.recipients));
    set(panel, "failed", number.format(progress.failed));
    set(panel, "rateText", progress.rateText);
    set(panel, "timeLeftText", progress.timeLeftText);
    set(panel, "problem", progress.problem || "");
    const bar = panel.querySelector("progress");
    bar.max = Math.max(1, progress.recipients);
    bar.value = progress.sent + progress.failed;
    bar.textContent = `${progress.percent} %`;
    panel.querySelector("[data-problem-box]").hidden = !progress.problem;
    const resume = panel.querySelector("[data-resume]");
    if (resume) {
      resume.hidden = !progress.canResume;
    }
    panel.dataset.status = progress.status;
    panel.dataset.active = String(progress.active);
    panel.dataset.due = String(progress.status === "Scheduled" && new Date(progress.scheduledFor) <= new Date(progress.at));
  };

  const poll = async () => {
    const active = panels.filter((panel) => panel.dataset.active === "true");
    if (active.length === 0) {
      return;
    }

    if (!document.hidden) {
      await Promise.all(active.map(async (panel) => {
        try {
          const response = await fetch(panel.dataset.progressUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" });
          if (response.ok) {
            show(panel, await response.json());
          }
        } catch {
          // The network blinked: the next round tries again.
        }
      }));
    }

    // A send scheduled for later changes rarely; one that runs, or is about to, is worth watching closely.
    const running = panels.some((panel) => panel.dataset.status === "Planning" || panel.dataset.status === "Sending" || panel.dataset.due === "true");
    window.setTimeout(poll, running ? 1500 : 15000);
  };

  window.setTimeout(poll, 1000);
})();

// The send form's audience, live: who the chosen languages, topics and actors reach, and the warning (with its
// checkbox) when some readers will get the main language. Without script the "count again" button does the same.
(() => {
  const form = document.querySelector("form[data-audience-url]");
  if (!form || !window.fetch) {
    return;
  }

  const total = form.querySelector("[data-audience-total]");
  const list = form.querySelector("[data-audience-languages]");
  const fallback = form.querySelector("[data-fallback]");
  const warning = form.querySelector("[data-fallback-warning]");
  const agree = form.querySelector("[data-fallback-agree]");
  form.querySelector("[data-count-button]").hidden = true;
  let latest = 0;

  const refresh = async () => {
    const fields = new FormData(form);
    const query = new URLSearchParams();
    for (const name of ["Kind", "OnlyThoseWhoActed", "Languages", "Interests"]) {
      fields.getAll(name).forEach((value) => query.append(name, value));
    }

    const mine = ++latest;
    let audience;
    try {
      const response = await fetch(`${form.dataset.audienceUrl}?${query}`, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) {
        return;
      }

      audience = await response.json();
    } catch {
      return;
    }

    if (mine !== latest) {
      return;
    }

    total.textContent = audience.totalText;
    list.replaceChildren(...audience.languages.map((language) => {
      const item = document.createElement("li");
      item.textContent = language.text;
      if (!language.hasVersion && language.count > 0) {
        item.className = "no-version";
      }

      return item;
    }));

    // An agreement covers the languages it was given for: a new one asks again.
    const codes = audience.withoutVersion.join(" ");
    if (agree.value !== codes) {
      agree.value = codes;
      agree.checked = false;
    }

    warning.textContent = audience.warning || "";
    fallback.hidden = audience.withoutVersion.length === 0;
  };

  form.addEventListener("change", (event) => {
    if (event.target.matches("[data-audience-input]")) {
      refresh();
    }
  });
})();
