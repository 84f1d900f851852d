/** A request URL for the logs: the path, and the query's parameter names without their values. */
export function redactedUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter((part) => part !== '')
    .map((part) => `${part.split('=')[0]!.slice(0, 40)}=[скрыто]`);
  return `${url.slice(0, q)}?${names.join('&')}`;
}
