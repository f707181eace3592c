/** Saves a file the core fetched from the server (its bytes in base64) where the browser or Electron saves downloads. */
export function downloadFile({ fileName, mimeType, base64 }: { fileName: string; mimeType: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Once the click has been taken: revoking at once may cancel the download in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
