// Stripe's API takes application/x-www-form-urlencoded bodies with bracketed keys (`metadata[statementId]=…`,
// `line_items[0][price_data][currency]=eur`); this reads them back into nested objects (arrays as index-keyed objects).
export type FormValue = string | { [key: string]: FormValue };

export function parseStripeForm(body: string): Record<string, FormValue> {
  const root: Record<string, FormValue> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const path = name.split(/\[|\]\[|\]/).filter((part) => part !== '');
    let node = root;
    path.forEach((part, index) => {
      if (index === path.length - 1) node[part] = value;
      else node = (node[part] = typeof node[part] === 'object' ? node[part] : {}) as Record<string, FormValue>;
    });
  }
  return root;
}

export function pick(form: FormValue | undefined, ...path: string[]): string | undefined {
  const found = path.reduce<FormValue | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), form);
  return typeof found === 'string' ? found : undefined;
}
