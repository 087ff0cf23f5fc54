/** A URL without its query and fragment: how the panel shows and stores endpoints (queries can carry keys). */
export function withoutQuery(url: string): string {
  return url.split(/[?#]/)[0];
}
