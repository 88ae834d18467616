// What the user typed and has not saved yet, for a form that edits a versioned row (the KPI
// settings): it keeps the version it was drawn from until the user saves, and is drawn again with a
// newer row only when nothing was typed, so a change arriving meanwhile (a live update) never
// replaces their text: saving then meets the conflict, which shows both versions.

/** Has the user changed a field of the form from what it was drawn with? */
export function formIsDirty(form: HTMLFormElement | null | undefined): boolean {
  if (!form) return false;
  for (const element of Array.from(form.elements)) {
    if (element instanceof HTMLTextAreaElement) {
      if (element.value !== element.defaultValue) return true;
    } else if (element instanceof HTMLSelectElement) {
      const options = Array.from(element.options);
      // Without a default option the browser selects the first one.
      const changed = options.some((o) => o.defaultSelected) ? options.some((o) => o.selected !== o.defaultSelected) : element.selectedIndex > 0;
      if (changed) return true;
    } else if (element instanceof HTMLInputElement && !['hidden', 'submit', 'button', 'reset', 'file'].includes(element.type)) {
      const changed =
        element.type === 'checkbox' || element.type === 'radio' ? element.checked !== element.defaultChecked : element.value !== element.defaultValue;
      if (changed) return true;
    }
  }
  return false;
}
