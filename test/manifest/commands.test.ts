/** The ribbon's function file: registers `showTaskpane`, which opens the pane and tells Office the command is done. */

describe('src/commands/commands.ts', () => {
  const g = globalThis as unknown as { Office?: unknown };
  afterEach(() => {
    delete g.Office;
    jest.resetModules();
  });

  it('associates showTaskpane once Office is ready; the command opens the pane and completes', async () => {
    const associate = jest.fn();
    const showAsTaskpane = jest.fn(() => Promise.resolve());
    g.Office = { onReady: (cb: () => void) => cb(), actions: { associate }, addin: { showAsTaskpane } };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../src/commands/commands');
    expect(associate).toHaveBeenCalledWith('showTaskpane', expect.any(Function));
    const completed = jest.fn();
    await associate.mock.calls[0][1]({ completed });
    expect(showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('still completes the command when the host cannot open the pane', async () => {
    const associate = jest.fn();
    g.Office = { onReady: (cb: () => void) => cb(), actions: { associate }, addin: { showAsTaskpane: () => Promise.reject(new Error('không hỗ trợ')) } };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../src/commands/commands');
    const completed = jest.fn();
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(associate.mock.calls[0][1]({ completed })).resolves.toBeUndefined();
    expect(completed).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
