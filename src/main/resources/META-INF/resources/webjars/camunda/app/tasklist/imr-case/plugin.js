// A "Case" tab in Tasklist's task view: the case page of the task's case (/case.html), embedded,
// so that the parties, items, letters and the timeline are one click from every task of the case.
// The case number is the task's caseNumber variable, read with the Tasklist session; the page
// itself asks the application's API, which lets through only the people on the case.
export default {
  id: 'imr-case',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  properties: {label: 'Case'},
  render: (node, {taskId}) => {
    node.replaceChildren();
    if (!taskId) {
      return;
    }
    fetch(`/camunda/api/engine/engine/default/task/${encodeURIComponent(taskId)}/variables/caseNumber`,
      {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
      .then(response => response.ok ? response.json() : null)
      .then(variable => {
        if (!variable || typeof variable.value !== 'string') {
          node.textContent = 'This task belongs to no case.';
          return;
        }
        const address = `/case.html?number=${encodeURIComponent(variable.value)}`;
        const open = document.createElement('a');
        open.href = address;
        open.target = '_blank';
        open.rel = 'noopener';
        open.className = 'imr-case-open';
        open.textContent = `Open case ${variable.value} in its own window`;
        const frame = document.createElement('iframe');
        frame.src = `${address}&embedded=1`;
        frame.title = `Case ${variable.value}`;
        frame.className = 'imr-case-frame';
        frame.style.cssText = 'width: 100%; height: 720px; border: 0; margin-top: 6px;';
        node.append(open, frame);
      })
      .catch(() => {
        node.textContent = 'The case could not be read.';
      });
  }
};
