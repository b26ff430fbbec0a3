/** `[#####.....] 120000/1000000 (41,000/s)` on one line of standard error. */
export function progressBar(out: NodeJS.WritableStream = process.stderr): (done: number, total: number) => void {
  const started = Date.now();
  let first: number | undefined;
  return (done, total) => {
    first ??= done;
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const rate = Math.round((done - first) / Math.max(0.001, (Date.now() - started) / 1000));
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    out.write(`\r[${bar}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${rate.toLocaleString('en')}/s)`);
  };
}
