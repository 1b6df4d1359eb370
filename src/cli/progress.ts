/** A progress bar on a terminal; silent when output is piped or in CI, so logs stay clean. */
export function progressBar(stream: NodeJS.WriteStream, label: string): (done: number, total: number) => void {
  if (!stream.isTTY) return () => {};
  let last = -1;
  return (done, total) => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    if (filled === last && done !== total) return;
    last = filled;
    stream.write(`\r${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${total}`);
    if (done === total) stream.write("\n");
  };
}
