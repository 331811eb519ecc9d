/**
 * SVG as a tree of elements rather than a string, so that the PDF templates print it through the
 * `svg-node` partial with Handlebars escaping every name and value like any other text: a label typed
 * by a person can never become markup.
 */

export interface SvgText {
  text: string;
}

export interface SvgElement {
  tag: string;
  attrs: Record<string, string>;
  children: SvgNode[];
}

export type SvgNode = SvgElement | SvgText;

export function el(
  tag: string,
  attrs: Record<string, string | number>,
  children: SvgNode[] = [],
): SvgElement {
  return {
    tag,
    attrs: Object.fromEntries(Object.entries(attrs).map(([name, value]) => [name, String(value)])),
    children,
  };
}

export function text(content: string): SvgText {
  return { text: content };
}
