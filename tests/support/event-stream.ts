// What an event stream sent up to and including `marker` (or until it ended). No deadline of its own: an event that
// never comes is left to the test's timeout, as how soon one arrives is not for a test to bound.
export async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, marker: string) {
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes(marker)) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text;
}
