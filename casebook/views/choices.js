// A row of checkboxes in one widget (choices.py): `labels`, `ticked` (positions), `description`.
// The boxes are real <input type=checkbox> inside their <label>, in a group named by the
// description; a change of labels keeps the boxes (and the focus) where their number stays.
let groups = 0;

function render({ model, el }) {
  const id = `cb-choices-${++groups}`;
  const group = document.createElement("div");
  group.className = "cb-choices-group";
  group.setAttribute("role", "group");
  const title = document.createElement("span");
  title.className = "cb-choices-label";
  title.id = `${id}-label`;
  const row = document.createElement("div");
  row.className = "cb-choices-row";
  group.append(title, row);
  el.append(group);

  function boxes() {
    return Array.from(row.querySelectorAll("input"));
  }

  function tick() {
    const ticked = new Set(model.get("ticked"));
    boxes().forEach((box, k) => {
      box.checked = ticked.has(k);
    });
  }

  function label() {
    const text = model.get("description") || "";
    title.textContent = text;
    title.hidden = !text;
    if (text) group.setAttribute("aria-labelledby", title.id);
    else group.removeAttribute("aria-labelledby");
  }

  function draw() {
    const labels = model.get("labels") || [];
    const shown = row.querySelectorAll(".cb-choice");
    if (shown.length !== labels.length) {
      row.replaceChildren(
        ...labels.map((_, k) => {
          const item = document.createElement("label");
          item.className = "cb-choice";
          const box = document.createElement("input");
          box.type = "checkbox";
          box.addEventListener("change", () => {
            model.set(
              "ticked",
              boxes().flatMap((b, j) => (b.checked ? [j] : [])),
            );
            model.save_changes();
          });
          const text = document.createElement("span");
          item.append(box, text);
          return item;
        }),
      );
    }
    row.querySelectorAll(".cb-choice span").forEach((span, k) => {
      span.textContent = labels[k];
    });
    tick();
  }

  label();
  draw();
  model.on("change:labels", draw);
  model.on("change:ticked", tick);
  model.on("change:description", label);
  return () => {
    model.off("change:labels", draw);
    model.off("change:ticked", tick);
    model.off("change:description", label);
  };
}

export default { render };
