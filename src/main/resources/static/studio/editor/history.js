// Undo and redo over whole timeline states (documents are small; a snapshot is simpler and
// safer than inverse operations). Bounded, so a long session cannot grow it without end.

export class History {
  constructor(limit = 200) {
    this.limit = limit;
    this.past = [];
    this.future = [];
  }

  /** Records `state` as the one before an edit; a new edit ends the redo line. */
  record(state) {
    this.past.push(structuredClone(state));
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
  }

  canUndo() {
    return this.past.length > 0;
  }

  canRedo() {
    return this.future.length > 0;
  }

  /** The state before `current`, or null; `current` becomes redoable. */
  undo(current) {
    if (!this.past.length) return null;
    this.future.push(structuredClone(current));
    return this.past.pop();
  }

  /** The state undone last, or null; `current` becomes undoable again. */
  redo(current) {
    if (!this.future.length) return null;
    this.past.push(structuredClone(current));
    return this.future.pop();
  }

  clear() {
    this.past = [];
    this.future = [];
  }
}
