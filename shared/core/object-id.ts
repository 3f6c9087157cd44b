/** Whether `text` has the shape of a platform ID (project, scan, event): 24 hexadecimal characters. */
export function isObjectId(text: string): boolean {
  return /^[0-9a-f]{24}$/i.test(text);
}
