/**
 * A progress bar on a terminal; on a pipe or a log, a plain line at each quarter so CI logs stay short.
 * `unit` names what is counted (documents, or MB for a download); fractional amounts show one decimal.
 */
export function createProgress(
  stream: NodeJS.WriteStream,
  label: string,
  unit = 'documents',
): { update(done: number, total: number): void; end(): void } {
  const tty = Boolean(stream.isTTY);
  let lastQuarter = -1;
  let drawn = false;
  const amount = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
  return {
    update(done, total) {
      if (total === 0) return;
      if (tty) {
        const width = 30;
        const filled = Math.min(width, Math.round((done / total) * width));
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${amount(done)}/${amount(total)}${unit === 'documents' ? '' : ` ${unit}`}`);
        drawn = true;
        return;
      }
      const quarter = Math.floor((done / total) * 4);
      if (quarter > lastQuarter) {
        lastQuarter = quarter;
        stream.write(`${label}: ${amount(done)}/${amount(total)} ${unit} (${Math.round((done / total) * 100)}%)\n`);
      }
    },
    end() {
      if (tty && drawn) stream.write('\n');
      drawn = false;
    },
  };
}
