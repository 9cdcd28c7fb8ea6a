/** A progress bar on a terminal; on a pipe or a log, a plain line at each quarter so CI logs stay short. */
export function createProgress(stream: NodeJS.WriteStream, label: string): { update(done: number, total: number): void; end(): void } {
  const tty = Boolean(stream.isTTY);
  let lastQuarter = -1;
  let drawn = false;
  return {
    update(done, total) {
      if (total === 0) return;
      if (tty) {
        const width = 30;
        const filled = Math.round((done / total) * width);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
        drawn = true;
        return;
      }
      const quarter = Math.floor((done / total) * 4);
      if (quarter !== lastQuarter && (quarter > lastQuarter)) {
        lastQuarter = quarter;
        stream.write(`${label}: ${done}/${total} documents (${Math.round((done / total) * 100)}%)\n`);
      }
    },
    end() {
      if (tty && drawn) stream.write('\n');
    },
  };
}
