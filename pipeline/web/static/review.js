// The review page: select a finding to light up its evidence; tabs; drag-and-drop upload.
"use strict";

(function () {
  const HL = "hl";

  function activePane() {
    return document.querySelector(".pane:not([hidden])");
  }

  function clearHighlights() {
    document.querySelectorAll("." + HL).forEach((el) => el.classList.remove(HL, "hl-focus"));
  }

  function evidenceElements(finding) {
    const number = finding.dataset.number;
    const found = new Set();
    (finding.dataset.locs || "").split(" ").filter(Boolean).forEach((loc) => {
      document.querySelectorAll('[data-loc="' + CSS.escape(loc) + '"]').forEach((el) => found.add(el));
    });
    document.querySelectorAll('[data-findings~="' + CSS.escape(number) + '"]').forEach((el) => found.add(el));
    return Array.from(found);
  }

  function select(finding, scroll) {
    document.querySelectorAll(".finding.selected").forEach((el) => {
      el.classList.remove("selected");
      el.querySelector(".finding-head").setAttribute("aria-expanded", "false");
    });
    clearHighlights();
    if (!finding) return;
    finding.classList.add("selected");
    finding.querySelector(".finding-head").setAttribute("aria-expanded", "true");
    const elements = evidenceElements(finding);
    elements.forEach((el) => el.classList.add(HL));
    history.replaceState(null, "", "#" + finding.id);
    if (scroll) {
      finding.scrollIntoView({ block: "nearest" });
      reveal(elements);
    }
  }

  function reveal(elements) {
    const pane = activePane();
    if (!pane) return;
    // a marked sentence or a cell is a better target than the whole paragraph around it
    const inPane = elements.filter((el) => pane.contains(el));
    focus(inPane.find((el) => el.matches("mark, td, .box")) || inPane[0]);
  }

  function focus(target) {
    if (!target) return;
    document.querySelectorAll(".hl-focus").forEach((el) => el.classList.remove("hl-focus"));
    target.classList.add("hl-focus");
    target.scrollIntoView({ block: "center", behavior: "instant" });
  }

  // one piece of evidence of the selected finding: its cell or sentence, or its box on the page image
  function goTo(finding, button) {
    const pane = activePane();
    if (!pane) return;
    const number = CSS.escape(finding.dataset.number);
    let target = null;
    if (pane.id === "pane-pages" && button.dataset.page) {
      const figure = pane.querySelector('figure[data-page="' + CSS.escape(button.dataset.page) + '"]');
      target = figure && (figure.querySelector('.box[data-findings~="' + number + '"]') || figure);
    } else if (button.dataset.goto) {
      const place = pane.querySelector('[data-loc="' + CSS.escape(button.dataset.goto) + '"]');
      target = place && (place.querySelector('mark[data-findings~="' + number + '"]') || place);
    }
    focus(target);
  }

  function showPane(id) {
    document.querySelectorAll(".tabs [role=tab]").forEach((tab) => {
      tab.setAttribute("aria-selected", String(tab.dataset.pane === id));
    });
    document.querySelectorAll(".pane").forEach((pane) => {
      pane.hidden = pane.id !== id;
    });
    const selected = document.querySelector(".finding.selected");
    if (selected) reveal(evidenceElements(selected));
  }

  function initReview() {
    const findings = Array.from(document.querySelectorAll(".finding"));
    findings.forEach((finding) => {
      finding.querySelector(".finding-head").addEventListener("click", () => select(finding, true));
      finding.querySelector(".message").addEventListener("click", () => select(finding, true));
      finding.querySelectorAll(".goto").forEach((button) => {
        button.addEventListener("click", () => goTo(finding, button));
      });
    });
    document.querySelectorAll(".tabs [role=tab]").forEach((tab) => {
      tab.addEventListener("click", () => showPane(tab.dataset.pane));
    });
    // clicking a marked figure in the text selects the first finding that cites it
    document.querySelectorAll(".document-text [data-findings], .page-frame .box").forEach((el) => {
      el.addEventListener("click", () => {
        const number = el.dataset.findings.split(" ")[0];
        const finding = document.querySelector('.finding[data-number="' + CSS.escape(number) + '"]');
        if (finding) select(finding, false);
      });
    });
    document.addEventListener("keydown", (event) => {
      if (event.target.closest("input, textarea, select")) return;
      if (event.key !== "j" && event.key !== "k") return;
      const current = findings.indexOf(document.querySelector(".finding.selected"));
      const next = findings[current + (event.key === "j" ? 1 : -1)];
      if (next) select(next, true);
    });
    const fromHash = location.hash.startsWith("#f-") ? document.getElementById(location.hash.slice(1)) : null;
    if (fromHash) select(fromHash, true);
  }

  function initUpload() {
    const form = document.getElementById("upload");
    if (!form) return;
    const input = form.querySelector("input[type=file]");
    const status = form.querySelector(".upload-status");
    const submit = () => {
      if (!input.files.length) return;
      status.textContent = "正在处理 " + input.files[0].name + " …";
      form.classList.add("busy");
      form.submit();
    };
    ["dragenter", "dragover"].forEach((name) =>
      form.addEventListener(name, (event) => {
        event.preventDefault();
        form.classList.add("over");
      })
    );
    ["dragleave", "drop"].forEach((name) => form.addEventListener(name, () => form.classList.remove("over")));
    form.addEventListener("drop", (event) => {
      event.preventDefault();
      if (!event.dataTransfer.files.length) return;
      input.files = event.dataTransfer.files;
      submit();
    });
    input.addEventListener("change", submit);
  }

  document.addEventListener("DOMContentLoaded", () => {
    initReview();
    initUpload();
  });
})();
