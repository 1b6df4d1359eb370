/**
 * What pdf.js expects of a browser and workerd lacks. pdf.js evaluates `new DOMMatrix()` when its
 * module loads (for canvas drawing, which Quire never does: it reads text only); on Node the
 * optional @napi-rs/canvas supplies one, on Workers nothing does, and the import fails. This
 * stand-in carries the six numbers and refuses every drawing operation, so a code path that did
 * draw would fail loudly instead of drawing wrong. Installed only where the runtime has none.
 */
class TextOnlyDOMMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  readonly is2D = true;

  constructor(init?: readonly number[]) {
    if (init?.length === 6)
      [this.a, this.b, this.c, this.d, this.e, this.f] = init as [number, number, number, number, number, number];
  }

  static #noDrawing(): never {
    throw new Error("pdf.js drawing is not available here: Quire reads PDF text only");
  }
  multiplySelf(): never {
    return TextOnlyDOMMatrix.#noDrawing();
  }
  preMultiplySelf(): never {
    return TextOnlyDOMMatrix.#noDrawing();
  }
  invertSelf(): never {
    return TextOnlyDOMMatrix.#noDrawing();
  }
  translate(): never {
    return TextOnlyDOMMatrix.#noDrawing();
  }
  scale(): never {
    return TextOnlyDOMMatrix.#noDrawing();
  }
}

export function installPdfGlobals(): void {
  const scope = globalThis as { DOMMatrix?: unknown };
  scope.DOMMatrix ??= TextOnlyDOMMatrix;
}
