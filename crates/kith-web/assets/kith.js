// Conveniences only: every form works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // "Select all on this page" for the contact list.
  const all = document.getElementById("select-page");
  if (all) {
    all.hidden = false;
    all.addEventListener("change", () => {
      document.querySelectorAll("input[name=ids]").forEach((box) => { box.checked = all.checked; });
    });
  }
  // Drag a deal card onto another stage: submits the card's move form.
  let dragged = null;
  document.querySelectorAll(".deal[draggable=true]").forEach((card) => {
    card.addEventListener("dragstart", () => { dragged = card; });
    card.addEventListener("dragend", () => { dragged = null; });
  });
  document.querySelectorAll(".stage[data-stage]").forEach((col) => {
    col.addEventListener("dragover", (e) => { e.preventDefault(); col.classList.add("drop"); });
    col.addEventListener("dragleave", () => col.classList.remove("drop"));
    col.addEventListener("drop", (e) => {
      e.preventDefault();
      col.classList.remove("drop");
      const card = dragged;
      dragged = null;
      if (!card || card.closest(".stage") === col) return;
      const form = card.querySelector("form.move");
      form.querySelector("select[name=stage]").value = col.dataset.stage;
      form.submit();
    });
  });
  // Password strength meter: asks the server, which applies the same rule
  // when the form is sent (the rule holds without this script).
  document.querySelectorAll("input[data-strength]").forEach((input) => {
    const out = document.getElementById(input.dataset.strength);
    const form = input.form;
    const csrf = form && form.querySelector("input[name=csrf]");
    if (!out || !csrf) return;
    let timer = null;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const body = new URLSearchParams({ csrf: csrf.value, password: input.value });
        const email = input.dataset.strengthEmail && document.getElementById(input.dataset.strengthEmail);
        if (email) body.set("email", email.value);
        try {
          const res = await fetch("/account/password-strength", { method: "POST", body, credentials: "same-origin" });
          if (!res.ok) return;
          const s = await res.json();
          const words = ["very weak", "weak", "fair", "strong", "very strong"];
          out.textContent = input.value === "" ? "" :
            `Strength: ${words[s.score] || ""}${s.acceptable ? "" : " — " + s.message}`;
          out.classList.toggle("weak", !s.acceptable);
          out.classList.toggle("strong", s.acceptable);
        } catch (_) { /* the server checks on submit anyway */ }
      }, 250);
    });
  });
});
