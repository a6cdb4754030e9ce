/** Fills `{{name}}` placeholders; unknown placeholders are left as they are (the rule tester rejects them). */
export function interpolate(
  template: string,
  data: Readonly<Record<string, string | number | boolean>> | undefined,
): string {
  if (data === undefined) return template;
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => {
    const value = data[name];
    return value === undefined ? whole : String(value);
  });
}
