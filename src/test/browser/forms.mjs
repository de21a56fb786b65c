// Camunda Forms in Tasklist as a person fills them: form-js fields found by their labels, and the
// paper application keyed into the start form of an IMR case. Shared by the browser checks.

const TIMEOUT = 60_000;

// ---------------------------------------------------------------- form fields, found by their labels

export const escape = text => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The one form-js field of the kind with this label (a missing or doubled field fails the step). */
export async function field(scope, kind, label) {
  const found = scope.locator('.fjs-form-field-' + kind).filter({
    has: scope.page().locator('label.fjs-form-field-label', {hasText: new RegExp('^' + escape(label) + '\\*?$')})
  });
  const count = await found.count();
  if (count !== 1) {
    throw new Error(`the form has ${count} ${kind} fields labelled "${label}"`);
  }
  return found;
}

export async function type(scope, kind, label, value) {
  const input = (await field(scope, kind, label)).locator('input.fjs-input, textarea');
  await input.fill(String(value));
  await input.blur();
  await settle(scope);
}

/**
 * form-js takes typed text into its state a moment later (debounced, 300 ms); a field left at once for a
 * field that re-renders the form can lose it, so each entry waits that moment, as a person would.
 */
async function settle(scope) {
  await scope.page().waitForTimeout(400);
}

/**
 * Dates are typed as a person types them, mm/dd/yyyy. The date picker takes one into the form's state
 * on Enter, without form-js's debounce: no moment to wait.
 */
export async function date(scope, label, isoDate) {
  const [year, month, day] = isoDate.split('-');
  const input = (await field(scope, 'datetime', label)).locator('input.fjs-input');
  await input.fill(`${month}/${day}/${year}`);
  await input.press('Enter');
}

export async function choose(scope, label, option) {
  const select = await field(scope, 'select', label);
  await select.locator('.fjs-input-group').click();
  await select.locator('.fjs-dropdownlist-item', {hasText: new RegExp('^' + escape(option) + '$')}).click();
}

export async function radio(scope, label, option) {
  await (await field(scope, 'radio', label)).getByLabel(option, {exact: true}).check();
}

export async function tick(scope, label) {
  await (await field(scope, 'checkbox', label)).locator('input').check();
}

/** The text of the form's read-only parts, as a person reads them. */
export async function formText(page) {
  return (await page.locator('.fjs-form').innerText()).replace(/\s+/g, ' ');
}

// What staff should never have to read: codes (NOT_MEDICALLY_NECESSARY), ISO timestamps, JSON.
const UNREADABLE = /\b[A-Z]+_[A-Z_]+\b|\d{4}-\d\d-\d\dT\d|[{[]\s*"\w+"\s*:/;

/** Fails when the open form shows something from UNREADABLE. */
export async function checkReadable(page) {
  const found = (await formText(page)).match(UNREADABLE);
  if (found) {
    throw new Error(`the form shows "${found[0]}" to staff`);
  }
}

// ---------------------------------------------------------------- the paper application

/** Opens Tasklist's "Start process" dialog on the IMR case's start form; answers the dialog's body. */
export async function openStartForm(page) {
  await page.getByText('Start process', {exact: true}).click();
  await page.locator('.modal-body a', {hasText: 'IMR case'}).click();
  await page.locator('.modal-body .fjs-form').waitFor({timeout: TIMEOUT});
  return page.locator('.modal-body');
}

/** The start form's section of that title. */
export function section(form, name) {
  return form.getByRole('group', {name, exact: true});
}

/**
 * Keys an application (the intake API's JSON, each item with the labels of its category and region
 * as the form offers them) into the open start form, section by section, as intake staff do.
 */
export async function keyInApplication(form, application) {
  const received = section(form, 'Application');
  await date(received, 'Date received', application.applicationReceivedDate);
  await choose(received, 'Filed by', 'Injured employee');
  await radio(received, 'Notices go by', 'Mail');
  await tick(received, 'Signed by the employee or representative');
  await date(received, 'Date signed', application.applicationSignedDate);

  const ur = section(form, 'Utilization review decision');
  await date(ur, 'UR decision date', application.urDecisionDate);
  await date(ur, 'Date served', application.urDecisionServedDate);
  await choose(ur, 'The UR decision', 'Denied the treatment');
  await tick(ur, 'A copy of the UR decision is attached');

  const employee = section(form, 'Injured employee');
  await type(employee, 'textfield', 'Name', application.employee.name);
  await type(employee, 'textfield', 'Claim number', application.employee.claimNumber);
  await date(employee, 'Date of injury', application.employee.dateOfInjury);
  await date(employee, 'Date of birth', application.employee.dateOfBirth);
  await type(employee, 'textarea', 'Address', application.employee.address);

  await type(section(form, 'Employer'), 'textfield', 'Name', application.employer.name);
  await type(section(form, 'Claims administrator'), 'textfield', 'Name', application.claimsAdministrator.name);
  await type(section(form, 'Claims administrator'), 'textarea', 'Address', application.claimsAdministrator.address);
  const physician = section(form, 'Requesting physician');
  await type(physician, 'textfield', 'Name', application.requestingPhysician.name);
  await type(physician, 'textfield', 'Specialty', application.requestingPhysician.specialty);
  await type(physician, 'textfield', 'Medical group', application.requestingPhysician.group);

  await choose(form, 'Number of disputed treatments', String(application.disputedItems.length));
  for (let i = 0; i < application.disputedItems.length; i++) {
    const item = application.disputedItems[i];
    const row = section(form, 'Disputed treatment ' + (i + 1));
    await type(row, 'textarea', 'Requested treatment, as on the UR decision', item.requestedTreatment);
    await choose(row, 'Treatment category', item.categoryLabel);
    await choose(row, 'Body region', item.regionLabel);
    await date(row, 'Request (RFA) date', item.requestDate);
    if (item.priorUnits !== undefined) {
      await type(row, 'number', 'Visits or sessions completed', item.priorUnits);
    }
    if (item.requestedUnits !== undefined) {
      await type(row, 'number', 'Visits or sessions requested', item.requestedUnits);
    }
    if (item.adjunctToActiveTherapy !== undefined) {
      await radio(row, 'Part of an active programme?', item.adjunctToActiveTherapy ? 'Yes' : 'No');
    }
    if (item.exceptionFlag !== undefined) {
      await radio(row, 'Exceptional circumstance?', item.exceptionFlag ? 'Yes' : 'No');
    }
    if (item.claimsAdministratorGuideline) {
      await type(row, 'textfield', 'Guideline the claims administrator relied on', item.claimsAdministratorGuideline);
    }
  }
}
