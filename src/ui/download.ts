// Saves text as a file through a temporary object URL: nothing leaves the device, the browser writes it to disk.
export function downloadText(host: Node, fileName: string, body: string, mime: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([body], { type: mime }));
  a.download = fileName;
  host.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
