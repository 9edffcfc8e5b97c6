// The MetricGate console: pages drawn from plans-service and usage-service through the console's
// backend-for-frontend (/api/plans/..., /api/usage/...). The browser never holds a token: the session
// cookie is HttpOnly, and state-changing calls carry the CSRF cookie's value as X-XSRF-TOKEN.
'use strict';

const page = document.getElementById('page');
let me = null;

// ---------- calls -----------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
  }
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

async function api(method, path, body) {
  const busy = document.getElementById('busy');
  busy.hidden = false;
  try {
    const headers = { 'Accept': 'application/json, application/problem+json' };
    if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (response.status === 401) {
      // the session expired: sign in again and come back to this page (the hash never reaches the server)
      sessionStorage.setItem('mg.return', location.hash);
      window.location.href = '/oauth2/authorization/keycloak';
      throw new ApiError(401, { title: 'Signed out', detail: 'Your session expired; signing in again…' });
    }
    const text = await response.text();
    const json = text && (response.headers.get('Content-Type') || '').includes('json') ? JSON.parse(text) : null;
    if (!response.ok) throw new ApiError(response.status, json || { title: 'HTTP ' + response.status, detail: text });
    return json;
  } finally {
    busy.hidden = true;
  }
}
const plans = (method, path, body) => api(method, '/api/plans' + path, body);
const usage = (method, path, body) => api(method, '/api/usage' + path, body);

// ---------- drawing ---------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

function say(text, ok) {
  const box = document.getElementById('message');
  box.textContent = text;
  box.className = ok ? 'ok' : '';
  box.hidden = !text;
}

/** Shows an API error: its title and detail on top, each field error next to its field. */
function showError(error, form) {
  if (!(error instanceof ApiError)) { say(String(error)); return; }
  const p = error.problem;
  say((p.title ? p.title + ': ' : '') + (p.detail || ''));
  if (form && Array.isArray(p.errors)) {
    for (const fieldError of p.errors) {
      const input = form.querySelector(`[name="${fieldError.field}"]`)
          || form.querySelector(`[name="${fieldError.field.split('.')[0]}"]`);
      if (input) {
        input.classList.add('invalid');
        input.closest('label').append(el('span', { class: 'field-error', 'data-field': fieldError.field, text: fieldError.message }));
      }
    }
  }
}

function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach(e => e.remove());
  form.querySelectorAll('.invalid').forEach(e => e.classList.remove('invalid'));
  say('');
}

/** A form whose submit calls action(values); errors appear in it, success is said on top. */
function form(id, fields, submitText, action) {
  const node = el('form', { class: 'inline', id },
    fields.map(f => el('label', {}, f.label, f.input)),
    el('button', { type: 'submit', text: submitText }));
  node.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(node);
    const values = Object.fromEntries(new FormData(node).entries());
    try {
      await action(values);
    } catch (error) {
      showError(error, node);
    }
  });
  return node;
}

const input = (name, attrs) => el('input', Object.assign({ name }, attrs || {}));
const select = (name, options, attrs) => el('select', Object.assign({ name }, attrs || {}),
  options.map(([value, text]) => el('option', { value, text })));
const blankToNull = value => (value === undefined || value === '' ? null : value);
const numberOrNull = value => (value === undefined || value === '' ? null : Number(value));
const when = instant => (instant ? new Date(instant).toLocaleString() : '—');
const nameOf = (list, id) => (list.find(item => item.id === id) || {}).name || '';

// ---------- tenants ---------------------------------------------------------------------------

async function pagesOf(path) {
  const items = [];
  for (let pageNo = 0; ; pageNo++) {
    const result = await plans('GET', `${path}${path.includes('?') ? '&' : '?'}page=${pageNo}&size=200`);
    items.push(...result.items);
    if (pageNo + 1 >= result.totalPages) return items;
  }
}

/** Every tenant the admin may see: the top of their tree (all roots, or their own tenant), then each level's children. */
async function allTenants() {
  const tenants = [];
  let level = await pagesOf('/v1/tenants');
  while (level.length) {
    tenants.push(...level);
    const parents = level.filter(t => t.kind === 'RESELLER');
    level = (await Promise.all(parents.map(t => pagesOf(`/v1/tenants?parentId=${t.id}`)))).flat();
  }
  return tenants;
}

async function allPlans() {
  const result = await plans('GET', '/v1/plans?size=200');
  return result.items || result;
}

async function tenantsPage() {
  const [tenants, planList] = await Promise.all([allTenants(), allPlans()]);
  const byParent = new Map();
  const ids = new Set(tenants.map(t => t.id));
  for (const t of tenants) {
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : 'root';
    if (!byParent.has(parent)) byParent.set(parent, []);
    byParent.get(parent).push(t);
  }
  const branch = parent => el('ul', {}, (byParent.get(parent) || [])
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(t => el('li', { 'data-tenant': t.id },
      el('a', { href: `#/tenants/${t.id}`, text: t.name }),
      el('span', { class: 'badge', text: t.kind }),
      t.status !== 'ACTIVE' ? el('span', { class: `badge ${t.status}`, text: t.status }) : null,
      t.planId ? el('span', { class: 'muted', text: ' · ' + nameOf(planList, t.planId) }) : null,
      byParent.has(t.id) ? branch(t.id) : null)));

  const resellers = tenants.filter(t => t.kind === 'RESELLER');
  const parents = [[ '', me.platformAdmin ? '(top level)' : '(choose)' ], ...resellers.map(t => [t.id, t.name])];
  const create = me.canWrite ? el('section', { class: 'card' }, el('h2', { text: 'New tenant' }),
    form('create-tenant', [
      { label: 'Name', input: input('name', { required: true, maxlength: 200 }) },
      { label: 'Kind', input: select('kind', [['CUSTOMER', 'Customer'], ['RESELLER', 'Reseller']]) },
      { label: 'Parent', input: select('parentId', parents) },
      { label: 'Plan', input: select('planId', [['', '(inherit)'], ...planList.map(p => [p.id, p.name])]) },
      { label: 'Time zone', input: input('timeZone', { placeholder: 'UTC' }) }
    ], 'Create', async values => {
      const created = await plans('POST', '/v1/tenants', {
        name: values.name, kind: values.kind, parentId: blankToNull(values.parentId),
        planId: blankToNull(values.planId), timeZone: blankToNull(values.timeZone)
      });
      await route();
      say(`Created ${created.name}.`, true);
    })) : null;

  page.replaceChildren(
    el('h1', { text: 'Tenants' }),
    create,
    el('section', { class: 'card tree', id: 'tenant-tree' },
      tenants.length ? branch('root') : el('p', { class: 'muted', text: 'No tenants yet.' })));
}

async function tenantPage(id) {
  // the whole tree is loaded only for the move form, which only writers see
  const [tenant, keys, planList, tenants] = await Promise.all([
    plans('GET', `/v1/tenants/${id}`), plans('GET', `/v1/tenants/${id}/api-keys`), allPlans(),
    me.canWrite ? allTenants() : []]);
  const keyList = keys.items || keys;
  const limits = (tenant.effectivePlan && tenant.effectivePlan.limits) || {};
  const rate = limits.rateLimit ? `${limits.rateLimit.requestsPerSecond}/s, burst ${limits.rateLimit.burst}` : 'none';

  const actions = me.canWrite ? el('div', { class: 'actions' },
    el('button', { class: 'secondary', id: 'toggle-status', text: tenant.status === 'SUSPENDED' ? 'Resume' : 'Suspend',
      onclick: async () => run(async () => {
        await plans('PATCH', `/v1/tenants/${id}`, { status: tenant.status === 'SUSPENDED' ? 'ACTIVE' : 'SUSPENDED' });
        await route();
      }) }),
    el('button', { class: 'danger', id: 'delete-tenant', text: 'Delete', onclick: async () => run(async () => {
      if (!confirm(`Delete ${tenant.name}? Its keys are revoked.`)) return;
      await plans('DELETE', `/v1/tenants/${id}`);
      location.hash = '#/tenants';
      say(`Deleted ${tenant.name}.`, true);
    }) })) : null;

  const move = me.canWrite ? form('move-tenant', [
    { label: 'Move under', input: select('parentId', tenants.filter(t => t.kind === 'RESELLER' && t.id !== id)
      .map(t => [t.id, t.name])) },
  ], 'Move', async values => {
    await plans('PATCH', `/v1/tenants/${id}`, { parentId: values.parentId });
    await route();
    say('Moved.', true);
  }) : null;

  const created = el('div', { id: 'new-key' });
  const keyRows = keyList.map(k => el('tr', { 'data-key': k.id },
    el('td', {}, el('code', { text: k.prefix + '…' })),
    el('td', { text: k.name || '' }),
    el('td', {}, el('span', { class: `badge ${k.status}`, text: k.status })),
    el('td', { text: when(k.createdAt) }),
    el('td', { text: k.expiresAt ? when(k.expiresAt) : 'never' }),
    el('td', {}, me.canWrite && k.status === 'ACTIVE' ? el('div', { class: 'actions' },
      el('button', { class: 'secondary', text: 'Rotate', onclick: async () => run(async () => {
        const grace = prompt('Grace period for the old key, in seconds (0–2592000):', '3600');
        if (grace === null) return;
        const issued = await plans('POST', `/v1/api-keys/${k.id}/rotate`, { gracePeriodSeconds: Number(grace) });
        await route();
        showSecret(document.getElementById('new-key'), issued);
      }) }),
      el('button', { class: 'danger', text: 'Revoke', 'data-revoke': k.id, onclick: async () => run(async () => {
        await plans('DELETE', `/v1/api-keys/${k.id}`);
        await route();
        say('Key revoked: checks with it are refused within a second.', true);
      }) })) : null)));

  page.replaceChildren(
    el('h1', {}, tenant.name, el('span', { class: 'badge', text: tenant.kind }),
      tenant.status !== 'ACTIVE' ? el('span', { class: `badge ${tenant.status}`, text: tenant.status }) : null),
    el('section', { class: 'card' },
      el('p', {}, 'Path: ', (tenant.ancestors || []).map(a => a.name).concat(tenant.name).join(' › ')),
      el('p', {}, 'Effective limits: rate ', rate, ' · monthly quota ',
        limits.monthlyQuota == null ? 'none' : limits.monthlyQuota.toLocaleString(),
        tenant.effectivePlan && tenant.effectivePlan.planId
          ? ` · plan ${nameOf(planList, tenant.effectivePlan.planId)}` : ''),
      el('p', { class: 'muted', text: `Time zone ${tenant.timeZone}, billing anchor day ${tenant.billingAnchorDay}` }),
      actions, move),
    el('section', { class: 'card', id: 'keys' }, el('h2', { text: 'API keys' }),
      me.canWrite ? form('create-key', [
        { label: 'Name', input: input('name', { maxlength: 200 }) },
        { label: 'Expires (optional)', input: input('expiresAt', { type: 'datetime-local' }) }
      ], 'Create key', async values => {
        const issued = await plans('POST', `/v1/tenants/${id}/api-keys`, {
          name: blankToNull(values.name), expiresAt: values.expiresAt ? new Date(values.expiresAt).toISOString() : null });
        await route();
        showSecret(document.getElementById('new-key'), issued);
      }) : null,
      created,
      el('div', { class: 'table-wrap' }, el('table', { id: 'key-table' },
        el('thead', {}, el('tr', {}, ['Key', 'Name', 'Status', 'Created', 'Expires', ''].map(h => el('th', { text: h })))),
        el('tbody', {}, keyRows)))),
    el('section', { class: 'card', id: 'usage' }, el('h2', { text: 'Usage' }), el('div', { id: 'usage-body' })));
  await usagePanel(id);
}

/** The new key, once: with a copy button and the warning that it cannot be shown again. */
function showSecret(box, issued) {
  box.replaceChildren(el('div', { class: 'secret', id: 'secret' },
    el('strong', { text: 'Copy this key now: it is shown only once and cannot be retrieved later.' }),
    el('code', { id: 'secret-key', text: issued.key }),
    el('button', { class: 'secondary', text: 'Copy', onclick: async () => {
      await navigator.clipboard.writeText(issued.key).catch(() => {});
      say('Copied.', true);
    } }),
    el('button', { class: 'secondary', text: 'Done', onclick: () => box.replaceChildren() })));
}

// ---------- usage -----------------------------------------------------------------------------

const SPANS = { MINUTE: 2 * 3600e3, HOUR: 3 * 86400e3, DAY: 31 * 86400e3 };

async function usagePanel(id) {
  const body = document.getElementById('usage-body');
  const controls = el('form', { class: 'inline', id: 'usage-controls' },
    el('label', {}, 'Granularity', select('granularity', [['MINUTE', 'Minute (2 h)'], ['HOUR', 'Hour (3 days)'], ['DAY', 'Day (31 days)']])),
    el('label', {}, 'Split by', select('groupBy', [['', 'nothing'], ['ROUTE', 'route'], ['TENANT', 'child tenant']])),
    el('button', { type: 'submit', class: 'secondary', text: 'Refresh' }));
  const summary = el('div', { id: 'quota' });
  const alerts = el('div', { id: 'quota-alerts' });
  const chart = el('div', { id: 'usage-chart' });
  const exportLink = el('a', { id: 'usage-export', text: 'Export CSV' });
  body.replaceChildren(summary, alerts, controls, chart, el('p', {}, exportLink));
  const draw = async () => {
    const values = Object.fromEntries(new FormData(controls).entries());
    const to = new Date();
    const from = new Date(to.getTime() - SPANS[values.granularity]);
    const range = `from=${from.toISOString()}&to=${to.toISOString()}`;
    exportLink.href = `/api/usage/v1/usage/tenants/${id}/export?${range}`;
    const [series, current, raised] = await Promise.all([
      usage('GET', `/v1/usage/tenants/${id}?${range}&granularity=${values.granularity}&includeDescendants=true`
        + (values.groupBy ? `&groupBy=${values.groupBy}` : '')),
      usage('GET', `/v1/usage/tenants/${id}/summary?period=current`),
      usage('GET', `/v1/usage/tenants/${id}/alerts`)]);
    drawSummary(summary, current);
    drawAlerts(alerts, raised);
    drawChart(chart, series, values.groupBy, from, to);
  };
  controls.addEventListener('submit', event => { event.preventDefault(); run(draw); });
  await draw();
}

function drawSummary(box, s) {
  const share = s.quota ? Math.min(1, s.used / s.quota) : 0;
  box.replaceChildren(
    el('p', {}, `This period (${when(s.periodStart)} – ${when(s.periodEnd)}): `,
      el('strong', { id: 'quota-used', text: s.used.toLocaleString() }), ' used of ',
      s.quota == null ? 'no quota' : s.quota.toLocaleString(),
      ` · ${s.allowed.toLocaleString()} allowed, ${s.denied.toLocaleString()} denied, ${s.shadowDenied.toLocaleString()} shadow-denied`),
    s.quota ? el('div', { class: share >= 0.8 ? 'gauge high' : 'gauge', title: `${Math.round(share * 100)} %` },
      (() => { const bar = el('div'); bar.style.width = `${share * 100}%`; return bar; })()) : null);
}

/** Quota alerts: the subtree reached 80 % or 100 % of a period's quota (newest first). */
function drawAlerts(box, raised) {
  box.replaceChildren(...(raised.length ? [el('ul', { class: 'alerts' }, raised.slice(0, 6).map(a => el('li', {},
    el('span', { class: a.thresholdPercent >= 100 ? 'badge SUSPENDED' : 'badge', text: `${a.thresholdPercent} %` }),
    ` ${a.used.toLocaleString()} of ${a.quota.toLocaleString()} used, period from ${when(a.periodStart)} · raised ${when(a.occurredAt)}`)))]
    : [el('p', { class: 'muted', text: 'No quota alerts.' })]));
}

const STEP = { MINUTE: 60e3, HOUR: 3600e3 };

/** Every bucket of the range (MINUTE and HOUR buckets are UTC-aligned; DAY buckets are the tenant's days, as answered). */
function bucketsOf(points, granularity, from, to) {
  const answered = points.map(p => Date.parse(p.bucket));
  const step = STEP[granularity];
  if (!step) return [...new Set(answered)].sort((a, b) => a - b);
  const all = [];
  for (let t = Math.floor(from.getTime() / step) * step; t <= to.getTime(); t += step) all.push(t);
  return [...new Set(all.concat(answered))].sort((a, b) => a - b);
}

function drawChart(box, series, groupBy, from, to) {
  box.replaceChildren();
  const points = series.points || [];
  if (!points.length) { box.append(el('p', { class: 'muted', id: 'no-usage', text: 'No decisions in this range yet.' })); return; }
  const times = bucketsOf(points, series.granularity, from, to);
  const at = new Map(times.map((t, i) => [t, i]));
  const x = times.map(t => t / 1000);
  const sum = (select, value) => {
    const values = times.map(() => 0);
    points.filter(select).forEach(p => { values[at.get(Date.parse(p.bucket))] += value(p); });
    return values;
  };
  const lines = [];
  if (!groupBy) {
    for (const [field, label, color] of [['allowed', 'allowed', '#2e7d32'], ['denied', 'denied', '#c62828'],
      ['shadowDenied', 'shadow-denied', '#f9a825']]) {
      lines.push({ label, color, values: sum(() => true, p => p[field]) });
    }
  } else {
    const groups = [...new Set(points.map(p => p.group))];
    const palette = ['#3d6fd1', '#2e7d32', '#c62828', '#f9a825', '#6a1b9a', '#00838f', '#5d4037', '#ad1457'];
    groups.slice(0, 8).forEach((g, i) => lines.push({ label: g || '—', color: palette[i],
      values: sum(p => p.group === g, p => p.allowed + p.denied + p.shadowDenied) }));
  }
  const width = Math.max(280, Math.min(box.parentElement.clientWidth - 10, 1100));
  new uPlot({ width, height: 260, series: [{}, ...lines.map(l => ({ label: l.label, stroke: l.color, width: 2 }))],
    axes: [{}, { label: 'decisions' }] }, [x, ...lines.map(l => l.values)], box);
  const recent = times.map((t, i) => i).filter(i => lines.some(l => l.values[i] > 0)).slice(-5);
  box.append(el('table', { id: 'usage-table', class: 'muted' },
    el('tr', {}, el('th', { text: 'bucket' }), lines.map(l => el('th', { text: l.label }))),
    recent.map(i => el('tr', {}, el('td', { text: when(times[i]) }), lines.map(l => el('td', { text: l.values[i] }))))));
}

// ---------- plans -----------------------------------------------------------------------------

async function plansPage() {
  const planList = await allPlans();
  const describe = l => !l ? '' : [
    l.rateLimit ? `${l.rateLimit.requestsPerSecond}/s burst ${l.rateLimit.burst}` : null,
    l.monthlyQuota != null ? `quota ${Number(l.monthlyQuota).toLocaleString()}` : null,
    l.routeLimits && l.routeLimits.length ? `${l.routeLimits.length} route limit(s)` : null].filter(Boolean).join(', ');
  page.replaceChildren(
    el('h1', { text: 'Plans' }),
    me.canWrite ? el('section', { class: 'card' }, el('h2', { text: 'New plan' }),
      form('create-plan', [
        { label: 'Name', input: input('name', { maxlength: 200 }) },
        { label: 'Parent plan', input: select('parentPlanId', [['', '(none)'], ...planList.map(p => [p.id, p.name])]) },
        { label: 'Requests/s', input: input('rateLimit.requestsPerSecond', { type: 'number' }) },
        { label: 'Burst', input: input('rateLimit.burst', { type: 'number' }) },
        { label: 'Monthly quota', input: input('monthlyQuota', { type: 'number' }) }
      ], 'Create', async values => {
        const rps = numberOrNull(values['rateLimit.requestsPerSecond']);
        const burst = numberOrNull(values['rateLimit.burst']);
        const plan = await plans('POST', '/v1/plans', {
          name: values.name, parentPlanId: blankToNull(values.parentPlanId),
          rateLimit: rps == null && burst == null ? null : { requestsPerSecond: rps, burst },
          monthlyQuota: numberOrNull(values.monthlyQuota) });
        await route();
        say(`Created plan ${plan.name}.` + (plan.warnings ? ' ' + plan.warnings.map(w => w.detail).join(' ') : ''), true);
      })) : null,
    el('section', { class: 'card table-wrap' }, el('table', { id: 'plan-table' },
      el('thead', {}, el('tr', {}, ['Plan', 'Own limits', 'Effective limits', 'Parent'].map(h => el('th', { text: h })))),
      el('tbody', {}, planList.map(p => el('tr', {},
        el('td', { text: p.name }), el('td', { text: describe(p.limits) }), el('td', { text: describe(p.effectiveLimits) }),
        el('td', { text: nameOf(planList, p.parentPlanId) })))))));
}

// ---------- audit log -------------------------------------------------------------------------

async function auditPage(query) {
  const params = new URLSearchParams(query);
  const filter = el('form', { class: 'inline', id: 'audit-filter' },
    el('label', {}, 'Tenant id', input('tenantId', { value: params.get('tenantId') || '' })),
    el('label', {}, 'From', input('from', { type: 'datetime-local' })),
    el('label', {}, 'To', input('to', { type: 'datetime-local' })),
    el('button', { type: 'submit', class: 'secondary', text: 'Filter' }));
  const table = el('div', { class: 'table-wrap' });
  page.replaceChildren(el('h1', { text: 'Audit log' }), el('section', { class: 'card' }, filter, table));
  const load = async () => {
    clearErrors(filter);
    const values = Object.fromEntries(new FormData(filter).entries());
    const q = new URLSearchParams({ size: '100' });
    if (values.tenantId) q.set('tenantId', values.tenantId);
    if (values.from) q.set('from', new Date(values.from).toISOString());
    if (values.to) q.set('to', new Date(values.to).toISOString());
    try {
      const events = await plans('GET', `/v1/audit-events?${q}`);
      table.replaceChildren(el('table', { id: 'audit-table' },
        el('thead', {}, el('tr', {}, ['When', 'Who', 'Action', 'Target', 'Summary'].map(h => el('th', { text: h })))),
        el('tbody', {}, (events.items || events).map(e => el('tr', {},
          el('td', { text: when(e.occurredAt) }), el('td', { text: e.actor }), el('td', { text: e.action }),
          el('td', { text: e.targetType }), el('td', { text: e.summary || '' }))))));
    } catch (error) {
      showError(error, filter);
    }
  };
  filter.addEventListener('submit', event => { event.preventDefault(); load(); });
  await load();
}

// ---------- routing ---------------------------------------------------------------------------

async function run(action) {
  try {
    await action();
  } catch (error) {
    showError(error);
  }
}

async function route() {
  const [path, query] = (location.hash.replace(/^#/, '') || '/tenants').split('?');
  const parts = path.split('/').filter(Boolean);
  document.querySelectorAll('[data-nav]').forEach(a => a.classList.toggle('active', a.dataset.nav === parts[0]));
  await run(async () => {
    if (parts[0] === 'tenants' && parts[1]) await tenantPage(parts[1]);
    else if (parts[0] === 'plans') await plansPage();
    else if (parts[0] === 'audit') await auditPage(query || '');
    else await tenantsPage();
  });
}

async function start() {
  const back = sessionStorage.getItem('mg.return');
  sessionStorage.removeItem('mg.return');
  if (back && !location.hash) history.replaceState(null, '', back);
  me = await api('GET', '/api/me');
  document.getElementById('who').textContent =
    `${me.username} · ${me.platformAdmin ? 'platform admin' : me.canWrite ? 'tenant admin' : 'viewer'}`;
  document.getElementById('logout-csrf').value = me.logoutToken;
  window.addEventListener('hashchange', () => { say(''); route(); });
  await route();
}

start();
