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
});
