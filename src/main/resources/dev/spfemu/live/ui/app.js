/*
 * The SPF VMM Emulator's live page: shows the emulator's world and every request as it happens, and
 * makes real OData calls through the public API, showing the exact HTTP exchange each one makes.
 *
 * Everything the server sends is untrusted text: the DOM is built with createElement/textContent only
 * (the page runs under a strict Content-Security-Policy: no inline script or style, no eval).
 */
(function () {
  'use strict';

  const ODATA_HEADERS = {
    'Accept': 'application/json;odata=minimalmetadata',
    'DataServiceVersion': '3.0;NetFx',
    'MaxDataServiceVersion': '3.0;NetFx',
  };
  const ODATA_BODY_TYPE = 'application/json;odata=minimalmetadata';
  const ADMIN_BODY_TYPE = 'application/json';
  const FEED_LIMIT = 200;
  const JOBS_SHOWN = 10;
  const RESPONSE_BODY_SHOWN = 2000;
  // The preset fault rules are recognised by their message, so the switch reflects them even after a
  // reload or when another tab switched them on.
  const FAULT_MESSAGE = 'VMM is busy (a fault switched on from the live page)';
  const FAULTED_WRITES = ['POST', 'PUT', 'DELETE'];
  const REASONS = {
    200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 304: 'Not Modified', 400: 'Bad Request',
    401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
    412: 'Precondition Failed', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests',
    500: 'Internal Server Error', 501: 'Not Implemented', 503: 'Service Unavailable',
  };
  const QUOTA_NAMES = { VMCount: 'VMs', CPUCount: 'CPUs', MemoryMB: 'Memory (MB)', StorageGB: 'Storage (GB)' };

  const $ = (id) => document.getElementById(id);
  let overview = null;              // the latest GET /_emulator/overview
  let jobsById = new Map();         // its jobs, to name the job a request started in the feed
  let faults = [];                  // the latest GET /_emulator/faults
  let live = false;                 // the event stream is open
  let rendered = false;             // the world was drawn once (changes after that are highlighted)
  const busy = new Set();           // keys of the buttons whose call is running
  const ownRequestIds = new Set();  // x-ms-request-id of the calls this page made, to mark them in the feed

  // ---------------------------------------------------------------- small helpers

  /** A new element; attributes with null/undefined/false values are left out, children may be strings. */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = String(value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children || []) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  const list = (value) => (Array.isArray(value) ? value : []);
  /** Children with a space between, so copied text and screen readers do not run words together. */
  const spaced = (children) => children.filter(Boolean).flatMap((child, i) => (i ? [' ', child] : [child]));
  /** fn's result, or fallback when it throws (on bad JSON, a malformed URL or escape from the server). */
  const attempt = (fn, fallback) => {
    try {
      return fn();
    } catch (ignored) {
      return fallback;
    }
  };
  const text = (value) => (value === null || value === undefined ? '' : String(value));
  const reason = (status) => REASONS[status] || '';

  /** Milliseconds of an OData/ISO time; JavaScript takes at most 3 fraction digits, VMM sends 7. */
  function parseTime(iso) {
    return Date.parse(text(iso).replace(/(\.\d{3})\d+/, '$1'));
  }

  const DATE_FORMAT = new Intl.DateTimeFormat('en-GB',
    { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const TIME_FORMAT = new Intl.DateTimeFormat('en-GB',
    { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const SHORT_FORMAT = new Intl.DateTimeFormat('en-GB',
    { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

  function formatTime(iso, format) {
    const ms = parseTime(iso);
    return Number.isNaN(ms) ? text(iso) : format.format(ms);
  }

  function formatNumber(value) {
    const n = Number(value);
    return value === null || value === '' || Number.isNaN(n) ? text(value) : n.toLocaleString('en-US');
  }

  function formatMemory(mb) {
    const gb = Number(mb) / 1024;
    return Number.isFinite(gb) ? `${Number(gb.toFixed(1))} GB` : '–';
  }

  // ---------------------------------------------------------------- the emulator clock

  // The clock is painted every second from the last reading, so the projected time does not look
  // frozen between changes. A clock fixed through the admin API reads the same twice: stop ticking.
  const clock = { serverMs: NaN, wallMs: 0, running: true };

  function syncClock(iso) {
    const ms = parseTime(iso);
    if (Number.isNaN(ms)) return;
    if (!Number.isNaN(clock.serverMs)) {
      clock.running = ms !== clock.serverMs || Date.now() - clock.wallMs < 1500;
    }
    clock.serverMs = ms;
    clock.wallMs = Date.now();
    paintClock();
  }

  function emulatorNow() {
    if (Number.isNaN(clock.serverMs)) return Date.now();
    return clock.serverMs + (clock.running ? Date.now() - clock.wallMs : 0);
  }

  function paintClock() {
    if (Number.isNaN(clock.serverMs)) return;
    const now = emulatorNow();
    const node = $('clock-now');
    node.textContent = `${DATE_FORMAT.format(now)}, ${TIME_FORMAT.format(now)} UTC`;
    node.setAttribute('datetime', new Date(now).toISOString());
  }

  // ---------------------------------------------------------------- keeping the DOM in place

  // The world is rebuilt from every overview and then merged into the live DOM, so focus, a chosen
  // template and unchanged nodes stay as they are. Keyed children (an entity's data-*-id) are matched
  // by key, the others by position and tag.
  const KEY_ATTRIBUTES = ['data-subscription-id', 'data-cloud-id', 'data-vm-id', 'data-checkpoint-id',
    'data-job-id', 'data-adapter-id', 'data-quota', 'data-fault-id'];
  const FLASH_HOSTS = '.vm-state, .job-status, .quota-numbers, .vm-facts dd';
  let changedNodes = [];

  function keyOf(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    for (const name of KEY_ATTRIBUTES) {
      if (node.hasAttribute(name)) return `${name}=${node.getAttribute(name)}`;
    }
    return '';
  }

  function morph(live, fresh) {
    if (live.nodeType !== Node.ELEMENT_NODE) {
      if (live.nodeValue !== fresh.nodeValue) {
        live.nodeValue = fresh.nodeValue;
        const host = live.parentElement && live.parentElement.closest(FLASH_HOSTS);
        if (host) changedNodes.push(host);
      }
      return;
    }
    for (const { name } of Array.from(live.attributes)) {
      if (!fresh.hasAttribute(name) && name !== 'data-flash') live.removeAttribute(name);
    }
    for (const { name, value } of Array.from(fresh.attributes)) {
      if (live.getAttribute(name) === value) continue;
      live.setAttribute(name, value);
      if (name === 'data-current' && value === 'true') changedNodes.push(live);
    }
    morphChildren(live, fresh);
  }

  function morphChildren(live, fresh) {
    const wantedKeys = new Set(Array.from(fresh.childNodes, keyOf).filter(Boolean));
    const keyed = new Map();
    for (const child of live.childNodes) if (keyOf(child)) keyed.set(keyOf(child), child);
    let cursor = live.firstChild;
    for (const wanted of Array.from(fresh.childNodes)) {
      while (cursor && keyOf(cursor) && !wantedKeys.has(keyOf(cursor))) {   // gone from the world
        const next = cursor.nextSibling;
        cursor.remove();
        cursor = next;
      }
      const key = keyOf(wanted);
      let match = key ? keyed.get(key) : cursor;
      if (key) keyed.delete(key);
      if (match && (match.nodeName !== wanted.nodeName || keyOf(match) !== key)) match = null;
      if (!match) {
        live.insertBefore(wanted, cursor);
        if (key) changedNodes.push(wanted);
        continue;
      }
      if (match === cursor) cursor = cursor.nextSibling;
      else live.insertBefore(match, cursor);
      morph(match, wanted);
    }
    while (cursor) {
      const next = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
  }

  /** Draws attention to what just changed (a new VM, a new state) so the presenter can point at it. */
  function flashChanged() {
    const nodes = changedNodes;
    changedNodes = [];
    if (!rendered) return;
    for (const node of nodes) {
      node.removeAttribute('data-flash');
      void node.offsetWidth;   // restart the animation
      node.setAttribute('data-flash', '');
    }
  }

  // ---------------------------------------------------------------- the world

  const entities = (sub, set) => list(sub && sub.entities && sub.entities[set]);
  const subscriptionById = (id) => overview && list(overview.subscriptions).find((sub) => sub.id === id);

  function tenantName(sub) {
    const role = entities(sub, 'UserRoles')[0];
    return role && role.Name ? text(role.Name) : text(sub.id);
  }

  /** What a button's busy state is remembered by, so it survives a re-render of the world. */
  function busyKey(button) {
    const owner = button.closest('[data-checkpoint-id], [data-vm-id], [data-fault-id], [data-subscription-id]');
    const ownerKey = owner ? keyOf(owner) : text(button.dataset.seconds || button.id);
    return `${button.dataset.action || button.id}|${ownerKey}`;
  }

  function actionButton(action, label, key, enabled, ariaLabel) {
    const running = busy.has(`${action}|${key}`);
    return el('button', {
      type: 'button', 'data-action': action, text: label, 'aria-label': ariaLabel,
      disabled: running || !enabled, 'aria-busy': running ? 'true' : null,
    });
  }

  function renderWorld() {
    const subs = list(overview && overview.subscriptions);
    const count = Number(overview && overview.subscriptionCount) || subs.length;
    const fresh = el('div', { id: 'subscriptions' }, [
      count > subs.length ? el('p', { class: 'muted', text: `Showing ${subs.length} of ${count} subscriptions.` }) : null,
      ...(subs.length ? subs.map(renderSubscription) : [el('p', { class: 'muted', text: 'No subscriptions yet.' })]),
    ]);
    morph($('subscriptions'), fresh);
    flashChanged();
  }

  function renderSubscription(sub) {
    const headingId = `sub-${sub.id}`;
    const totals = sub.totals || {};
    const vms = entities(sub, 'VirtualMachines');
    return el('section', { class: 'subscription', 'data-subscription-id': sub.id, 'aria-labelledby': headingId }, [
      el('div', { class: 'subscription-head' }, [
        el('h2', { id: headingId, text: tenantName(sub) }),
        el('p', { class: 'sub-id' }, ['Subscription ', el('code', { text: sub.id })]),
      ]),
      renderQuotas(sub),
      totals.VirtualMachines > vms.length
        ? el('p', { class: 'muted', text: `Showing ${vms.length} of ${totals.VirtualMachines} VMs.` }) : null,
      ...renderClouds(sub, vms),
      renderCreateVm(sub),
      renderJobs(sub),
    ]);
  }

  function renderQuotas(sub) {
    const quotas = entities(sub, 'QuotaAndUsageComponents');
    if (!quotas.length) return null;
    return el('div', { class: 'quotas' }, [
      el('h3', { class: 'visually-hidden', text: 'Quota usage' }),
      el('ul', { class: 'quota-list' }, quotas.map((quota, index) => {
        const dimension = text(quota.QuotaDimension);
        const unlimited = quota.RoleQuota === null || quota.RoleQuota === undefined || quota.UseRoleQuotaMaximum === true;
        const usage = Number(quota.RoleUsage) || 0;
        const limit = Number(quota.RoleQuota);
        const id = `quota-${sub.id}-${index}`;
        return el('li', { class: 'quota', 'data-quota': `${dimension}|${text(quota.StampId)}|${text(quota.UserRoleID)}` }, [
          el('label', { for: unlimited ? null : id, class: 'quota-label' }, spaced([
            el('span', { class: 'quota-name', text: QUOTA_NAMES[dimension] || dimension }),
            el('span', { class: 'quota-numbers',
              text: unlimited ? `${formatNumber(quota.RoleUsage)} / no limit`
                : `${formatNumber(quota.RoleUsage)} / ${formatNumber(quota.RoleQuota)}` }),
          ])),
          unlimited || !(limit > 0) ? null : el('meter', {
            id, min: 0, max: limit, value: Math.min(usage, limit), low: limit * 0.7, high: limit * 0.9, optimum: 0,
          }),
        ]);
      })),
    ]);
  }

  function renderClouds(sub, vms) {
    const clouds = entities(sub, 'Clouds');
    const cloudIds = new Set(clouds.map((cloud) => cloud.ID));
    const groups = clouds.map((cloud) => renderCloud(sub, cloud.ID, text(cloud.Name) || 'Cloud',
      vms.filter((vm) => vm.CloudId === cloud.ID)));
    const others = vms.filter((vm) => !cloudIds.has(vm.CloudId));
    if (others.length) groups.push(renderCloud(sub, '', 'Other VMs', others));
    return groups;
  }

  function renderCloud(sub, cloudId, name, vms) {
    return el('section', { class: 'cloud', 'data-cloud-id': cloudId }, [
      el('h3', { text: name }),
      vms.length ? el('div', { class: 'vm-list' }, vms.map((vm) => renderVm(sub, vm)))
        : el('p', { class: 'muted', text: 'No VMs in this cloud.' }),
    ]);
  }

  /** The CSS class for a state: the badge says the state in words too, colour only supports it. */
  function stateClass(status) {
    if (/^running$/i.test(status)) return 'state-ok';
    if (/^(poweroff|stopped)$/i.test(status)) return 'state-off';
    if (/^(paused|saved)$/i.test(status)) return 'state-paused';
    if (/fail|missing|incomplete|unsupported/i.test(status)) return 'state-failed';
    return 'state-busy';
  }

  function renderVm(sub, vm) {
    const status = text(vm.Status || vm.StatusString);
    const shownState = text(vm.StatusString || vm.Status) || 'Unknown';
    const name = text(vm.Name) || text(vm.ID);
    const headingId = `vm-${vm.ID}`;
    const adapters = entities(sub, 'VirtualNetworkAdapters').filter((adapter) => adapter.VMId === vm.ID);
    // A job changes the VM only when it completes: show the one running on it meanwhile.
    const job = entities(sub, 'Jobs').find((candidate) => !candidate.IsCompleted
      && (candidate.ID === vm.MostRecentTaskId || candidate.TargetObjectID === vm.ID));
    const owner = vm.Owner && vm.Owner.UserName;
    return el('article', { class: 'vm', 'data-vm-id': vm.ID, 'aria-labelledby': headingId }, [
      el('div', { class: 'vm-head' }, spaced([
        el('h4', { id: headingId, text: name }),
        el('span', { class: `vm-state ${stateClass(status)}`, text: shownState }),
      ])),
      el('dl', { class: 'vm-facts' }, [
        fact('CPUs', formatNumber(vm.CPUCount) || '–'),
        fact('Memory', formatMemory(vm.Memory)),
        fact('Owner', text(owner) || '–'),
      ]),
      adapters.length ? el('ul', { class: 'adapters', 'aria-label': `Network adapters of ${name}` }, adapters.map((adapter) =>
        el('li', { class: 'adapter', 'data-adapter-id': adapter.ID }, spaced([
          el('span', { class: 'adapter-network', text: text(adapter.VMNetworkName) || 'Not connected' }),
          el('span', { class: 'adapter-ip', text: list(adapter.IPv4Addresses).join(', ') || 'no IPv4 address' }),
          el('span', { class: 'adapter-mac', text: text(adapter.MACAddress) || 'no MAC address' }),
        ])))) : null,
      job ? renderJobProgress(job, 'vm-job') : null,
      el('div', { class: 'vm-actions' }, [
        actionButton('start', 'Start', `data-vm-id=${vm.ID}`, /^(poweroff|stopped|saved)$/i.test(status), `Start ${name}`),
        actionButton('stop', 'Stop', `data-vm-id=${vm.ID}`, /^(running|paused)$/i.test(status), `Stop ${name}`),
        actionButton('checkpoint', 'Take checkpoint', `data-vm-id=${vm.ID}`, true, `Take a checkpoint of ${name}`),
      ]),
      renderCheckpointTree(sub, vm, name),
    ]);
  }

  function fact(term, value) {
    return el('div', {}, spaced([el('dt', { text: term }), el('dd', { text: value })]));
  }

  function renderCheckpointTree(sub, vm, vmName) {
    const checkpoints = entities(sub, 'VMCheckPoints').filter((cp) => cp.VMId === vm.ID)
      .sort((a, b) => text(a.AddedTime).localeCompare(text(b.AddedTime)));
    if (!checkpoints.length) return el('p', { class: 'muted checkpoints-none', text: 'No checkpoints.' });
    const current = (sub.currentCheckpoints || {})[vm.ID];
    // A checkpoint's parent link names the parent's CheckpointID (not its ID); an unknown parent makes a root.
    const known = new Set(checkpoints.map((cp) => cp.CheckpointID).filter((id) => id !== null && id !== undefined));
    const ROOT = {};
    const children = new Map();
    for (const cp of checkpoints) {
      const parent = known.has(cp.ParentCheckpointID) && cp.ParentCheckpointID !== cp.CheckpointID ? cp.ParentCheckpointID : ROOT;
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(cp);
    }
    const drawn = new Set();   // a loop in the parent links must not loop here
    const branch = (cps, className) => el('ul', { class: className }, cps.filter((cp) => !drawn.has(cp)).map((cp) => {
      drawn.add(cp);
      const isCurrent = current !== undefined && current !== null && cp.CheckpointID === current;
      const name = text(cp.Name) || 'Checkpoint';
      const kids = cp.CheckpointID === null || cp.CheckpointID === undefined ? [] : children.get(cp.CheckpointID) || [];
      return el('li', { class: 'checkpoint', 'data-checkpoint-id': cp.ID, 'data-current': String(isCurrent) }, [
        el('div', { class: 'checkpoint-row' }, spaced([
          el('span', { class: 'checkpoint-name', text: name }),
          el('time', { class: 'checkpoint-time', datetime: text(cp.AddedTime), text: formatTime(cp.AddedTime, SHORT_FORMAT) }),
          isCurrent ? el('strong', { class: 'checkpoint-current', text: '◀ current' }) : null,
          el('span', { class: 'checkpoint-actions' }, [
            actionButton('restore', 'Restore', `data-checkpoint-id=${cp.ID}`, true, `Restore ${name}`),
            actionButton('delete-checkpoint', 'Delete', `data-checkpoint-id=${cp.ID}`, true, `Delete ${name}`),
          ]),
        ])),
        kids.length ? branch(kids, 'checkpoint-children') : null,
      ]);
    }));
    const tree = branch(children.get(ROOT) || [], 'checkpoint-tree');
    for (const cp of checkpoints) if (!drawn.has(cp)) tree.append(...branch([cp], 'checkpoint-tree').childNodes);
    return el('div', { class: 'checkpoints' }, [el('h5', { text: `Checkpoints of ${vmName}` }), tree]);
  }

  function renderCreateVm(sub) {
    const templates = entities(sub, 'VMTemplates');
    const hasCloud = entities(sub, 'Clouds').length > 0;
    const selectId = `template-${sub.id}`;
    return el('div', { class: 'create-vm' }, [
      el('h3', { text: 'Create VM from template' }),
      el('div', { class: 'create-vm-controls' }, [
        el('label', { for: selectId, text: 'Template' }),
        el('select', { class: 'template', id: selectId, disabled: !templates.length },
          templates.map((template) => el('option', { value: template.ID, text: text(template.Name) || text(template.ID) }))),
        actionButton('create-vm', 'Create VM', `data-subscription-id=${sub.id}`, templates.length > 0 && hasCloud, null),
      ]),
    ]);
  }

  function jobStatus(job) {
    return text(job.StatusString || job.Status) || 'Unknown';
  }

  function renderJobProgress(job, className) {
    const value = Number(job.ProgressValue);
    const percent = Number.isFinite(value) ? Math.max(0, Math.min(100, value)) : (job.IsCompleted ? 100 : 0);
    return el('div', { class: className }, spaced([
      className === 'vm-job' ? el('span', { class: 'vm-job-name', text: text(job.Name) }) : null,
      el('progress', { max: 100, value: percent, 'aria-label': `Progress of ${text(job.Name) || 'the job'}` }),
      el('span', { class: 'job-percent', text: `${percent} %` }),
    ]));
  }

  function jobErrorMessage(job) {
    const info = job.ErrorInfo;
    if (!info || typeof info !== 'object') return '';
    return [info.Problem || info.CloudProblem || info.ErrorCodeString || info.Code, info.RecommendedAction]
      .filter(Boolean).map(text).join(' ');
  }

  function renderJobs(sub) {
    const jobs = entities(sub, 'Jobs');
    const total = Math.max(Number((sub.totals || {}).Jobs) || 0, jobs.length);
    const shown = jobs.slice(0, JOBS_SHOWN);
    return el('div', { class: 'jobs-box' }, [
      el('h3', { text: 'Jobs' }),
      shown.length < total ? el('p', { class: 'muted', text: `Showing ${shown.length} of ${total}, newest first.` }) : null,
      shown.length ? el('ol', { class: 'jobs' }, shown.map((job) => {
        const status = jobStatus(job);
        const kind = /fail/i.test(status) ? 'failed' : job.IsCompleted || /^completed$/i.test(status) ? 'done' : 'running';
        const badge = { failed: 'state-failed', done: 'state-ok', running: 'state-busy' }[kind];
        return el('li', { class: `job job-${kind}`, 'data-job-id': job.ID }, [
          el('div', { class: 'job-head' }, spaced([
            el('span', { class: 'job-name', text: text(job.Name) || text(job.ID) }),
            el('span', { class: `job-status ${badge}`, text: status }),
          ])),
          renderJobProgress(job, 'job-progress'),
          kind === 'failed' && jobErrorMessage(job) ? el('p', { class: 'job-error', text: jobErrorMessage(job) }) : null,
        ]);
      })) : el('p', { class: 'muted', text: 'No jobs.' }),
    ]);
  }

  // ---------------------------------------------------------------- fault rules

  function describeFault(rule) {
    const what = [rule.method || 'Any method', rule.entitySet, rule.path ? `path ~ ${rule.path}` : null,
      rule.header ? `header ${rule.header}${rule.headerValue ? `: ${rule.headerValue}` : ''}` : null].filter(Boolean).map(text);
    const effect = [];
    if (rule.status) effect.push(`${rule.status} ${text(rule.code)}${rule.message ? `: ${text(rule.message)}` : ''}`);
    if (rule.delayMillis) effect.push(`delay ${rule.delayMillis}${rule.maxDelayMillis ? `–${rule.maxDelayMillis}` : ''} ms`);
    if (rule.dropConnection) effect.push('drop the connection');
    if (rule.probability !== undefined && rule.probability < 1) effect.push(`${Math.round(rule.probability * 100)} % of the time`);
    if (rule.times) effect.push(`${rule.times} times`);
    return `${what.join(' · ')} → ${effect.join(', ') || 'no effect'}`;
  }

  function renderFaults() {
    const fresh = el('ul', { id: 'faults', 'aria-labelledby': 'faults-heading' }, faults.map((rule) =>
      el('li', { class: 'fault', 'data-fault-id': text(rule.id) }, spaced([
        el('span', { class: 'fault-text', text: describeFault(rule) }),
        actionButton('remove-fault', 'Remove', `data-fault-id=${text(rule.id)}`, true, `Remove fault rule ${text(rule.id)}`),
      ]))));
    morph($('faults'), fresh);
    flashChanged();
    $('faults-empty').hidden = faults.length > 0;
    $('remove-all-faults').disabled = faults.length === 0 || busy.has('remove-all-faults|remove-all-faults');
    const toggle = $('fault-writes');
    if (!busy.has('fault-writes')) toggle.checked = faults.some((rule) => rule.message === FAULT_MESSAGE);
  }

  // ---------------------------------------------------------------- loading (coalesced)

  let loading = null;   // the running read, if any
  let loadAgain = false;

  /**
   * Re-reads the world. While a read runs, further calls ask for exactly one more read after it (so a
   * burst of change events makes two reads, not a storm); the promise settles when no read is left.
   */
  function refresh() {
    if (loading) {
      loadAgain = true;
      return loading;
    }
    loading = (async () => {
      try {
        do {
          loadAgain = false;
          await loadEverything();
        } while (loadAgain);
      } catch (error) {
        showWorldError(error);
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  async function fetchJson(path) {
    const response = await fetch(path, { cache: 'no-store', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${path} answered ${response.status} ${response.statusText}`);
    return response.json();
  }

  let readsStarted = 0;
  let newestDrawn = 0;

  async function loadEverything() {
    const read = ++readsStarted;
    const [world, faultList] = await Promise.allSettled([fetchJson('/_emulator/overview'), fetchJson('/_emulator/faults')]);
    if (read < newestDrawn) return;   // a later read (a button's own) already drew a newer world
    newestDrawn = read;
    if (world.status === 'fulfilled' && world.value && typeof world.value === 'object') {
      overview = world.value;
      jobsById = new Map(list(overview.subscriptions).flatMap((sub) => entities(sub, 'Jobs').map((job) => [job.ID, job])));
      if ($('world-error')) $('world-error').remove();
      if (overview.time) syncClock(overview.time);
      else fetchJson('/_emulator/clock').then((c) => syncClock(c.now), () => {});
      renderWorld();
      labelFeedItems();
    } else if (world.status === 'rejected') {
      showWorldError(world.reason);
    }
    if (faultList.status === 'fulfilled') {
      faults = list(faultList.value && faultList.value.faults);
      renderFaults();
    }
    rendered = rendered || world.status === 'fulfilled';
  }

  function showWorldError(error) {
    const message = `Could not read the world: ${error && error.message ? error.message : error}`;
    const existing = $('world-error');
    if (existing) existing.textContent = message;
    else $('world').prepend(el('p', { id: 'world-error', class: 'error-message', role: 'alert', text: message }));
  }

  // ---------------------------------------------------------------- calls made by the buttons

  const lastCall = { title: '', exchanges: [], total: 1 };

  /** Sends one request and records it in the "last request" panel exactly as it goes on the wire. */
  async function send(method, path, body, headers, bodyType) {
    const sentHeaders = Object.assign({}, headers || {});
    const payload = body === undefined ? undefined : JSON.stringify(body, null, 2);
    if (payload !== undefined) sentHeaders['Content-Type'] = bodyType;
    const exchange = {
      request: [`${method} ${path} HTTP/1.1`, ...Object.entries(sentHeaders).map(([k, v]) => `${k}: ${v}`), '', payload || ''].join('\n'),
      response: null, status: 0, millis: 0, error: '',
    };
    lastCall.exchanges.push(exchange);
    paintLastCall();
    const started = performance.now();
    try {
      const response = await fetch(path, { method, headers: sentHeaders, body: payload, cache: 'no-store' });
      const answer = await response.text();
      exchange.millis = Math.round(performance.now() - started);
      exchange.status = response.status;
      const requestId = response.headers.get('x-ms-request-id');
      if (requestId) ownRequestIds.add(requestId);
      const location = response.headers.get('Location');
      exchange.response = [`HTTP/1.1 ${response.status} ${response.statusText || reason(response.status)}`,
        ...(requestId ? [`x-ms-request-id: ${requestId}`] : []), ...(location ? [`Location: ${location}`] : []), '',
        answer.length > RESPONSE_BODY_SHOWN
          ? `${answer.slice(0, RESPONSE_BODY_SHOWN)}\n… (first ${RESPONSE_BODY_SHOWN} of ${answer.length} characters)` : answer,
      ].join('\n');
      if (!response.ok) exchange.error = errorMessage(answer) || `${response.status} ${response.statusText || reason(response.status)}`;
    } catch (error) {
      exchange.response = `No answer: ${error.message}`;
      exchange.error = `No answer: ${error.message}`;
    }
    paintLastCall();
    labelFeedItems();
    return exchange;
  }

  /** The message of an OData error (verbose JSON or JSON light) or of an admin API error. */
  function errorMessage(body) {
    const json = attempt(() => JSON.parse(body), null);   // an Atom or text error: the response shows it
    const error = json && (json.error || json['odata.error']);
    if (typeof error === 'string') return error;
    if (error && error.message) return text(typeof error.message === 'object' ? error.message.value : error.message);
    return '';
  }

  function paintLastCall() {
    const { exchanges, total, title } = lastCall;
    const numbered = (index, body) => (total > 1 ? `── ${index + 1} of ${total} ──\n${body}` : body);
    $('last-request-text').textContent = exchanges.map((ex, i) => numbered(i, ex.request)).join('\n\n');
    $('last-response-text').textContent = exchanges.map((ex, i) => numbered(i, ex.response || 'Waiting for the answer…')).join('\n\n');
    const last = exchanges[exchanges.length - 1];
    const summary = $('last-request-summary');
    summary.textContent = !last ? title : last.response === null ? `${title}: sending…`
      : last.status ? `${title}: ${last.status} ${reason(last.status)} in ${last.millis} ms` : `${title}: no answer`;
    summary.className = !last || last.response === null ? '' : last.error ? 'summary-failed' : 'summary-ok';
    const errorLine = $('last-request-error');
    const failed = exchanges.find((ex) => ex.error);
    errorLine.hidden = !failed;
    errorLine.textContent = failed ? `Error: ${failed.error}` : '';
  }

  /**
   * Runs the calls of one button (one after the other, stopping at a failure) with the button
   * disabled meanwhile, then re-reads the world (a change event follows too; this is the safety net).
   */
  async function perform(button, title, calls) {
    const key = button.type === 'checkbox' ? 'fault-writes' : busyKey(button);
    if (busy.has(key)) return;
    busy.add(key);
    const hadFocus = document.activeElement === button;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    Object.assign(lastCall, { title, exchanges: [], total: calls.length });
    paintLastCall();
    // A VM call waits for its job; read the world meanwhile so the job shows while it runs.
    const watch = setInterval(refresh, 1000);
    try {
      for (const call of calls) {
        const exchange = await send(...call);
        if (exchange.error) break;
      }
    } finally {
      clearInterval(watch);
      // One read of its own (not the coalesced loop, which a busy emulator may keep going): the
      // button comes back with the world as the call left it, without flicker.
      await loadEverything().catch(showWorldError);
      busy.delete(key);
      button.disabled = false;
      button.removeAttribute('aria-busy');
      if (overview) renderWorld();
      renderFaults();
      if (hadFocus) restoreFocus(button);
    }
  }

  /**
   * A disabled button loses the keyboard focus (a busy one, or Start once the VM runs). Unless the
   * user has moved on, give it back to the button, or else to a neighbour: the same VM's, checkpoint's
   * or section's next usable control.
   */
  function restoreFocus(button) {
    if (document.activeElement && document.activeElement !== document.body) return;
    const usable = (scope) => (scope && scope.isConnected
      ? Array.from(scope.querySelectorAll('button, select, input')).filter((node) => !node.disabled) : []);
    const owner = button.closest('[data-checkpoint-id], [data-vm-id], [data-fault-id]');
    const target = [button].filter((node) => node.isConnected && !node.disabled)
      .concat(usable(owner), usable(button.closest('section')))[0];
    if (target) target.focus({ preventScroll: true });
  }

  const vmmRoot = (sub) => `/${encodeURIComponent(sub.id)}/services/systemcenter/vmm`;
  const keyPath = (set, entity) =>
    `${set}(ID=guid'${encodeURIComponent(entity.ID)}',StampId=guid'${encodeURIComponent(entity.StampId)}')`;
  const odata = (method, path, body) => [method, path, body, ODATA_HEADERS, ODATA_BODY_TYPE];
  const admin = (method, path, body) => [method, path, body, {}, ADMIN_BODY_TYPE];

  /** The subscription, VM and checkpoint a button in the world belongs to (from the latest overview). */
  function contextOf(button) {
    const subNode = button.closest('[data-subscription-id]');
    const sub = subNode && subscriptionById(subNode.getAttribute('data-subscription-id'));
    const vmNode = button.closest('[data-vm-id]');
    const cpNode = button.closest('[data-checkpoint-id]');
    return {
      sub,
      vm: vmNode && entities(sub, 'VirtualMachines').find((vm) => vm.ID === vmNode.getAttribute('data-vm-id')),
      checkpoint: cpNode && entities(sub, 'VMCheckPoints').find((cp) => cp.ID === cpNode.getAttribute('data-checkpoint-id')),
    };
  }

  /** HH:MM:SS (or HHMMSS) of the emulator clock, to name what the page creates. */
  function clockStamp(separator) {
    return TIME_FORMAT.format(emulatorNow()).split(':').join(separator);
  }

  const ACTIONS = {
    reset: (button) => perform(button, 'Reset world', [admin('POST', '/_emulator/reset')]),
    advance: (button) => {
      const seconds = Number(button.dataset.seconds);
      perform(button, `Advance the clock ${button.textContent}`, [admin('POST', '/_emulator/clock/advance', { seconds })]);
    },
    'remove-fault': (button) => {
      const id = button.closest('[data-fault-id]').getAttribute('data-fault-id');
      perform(button, `Remove fault rule ${id}`, [admin('DELETE', `/_emulator/faults/${encodeURIComponent(id)}`)]);
    },
    'remove-all-faults': (button) => perform(button, 'Remove all faults', [admin('DELETE', '/_emulator/faults')]),
    start: (button) => powerVm(button, 'Start'),
    stop: (button) => powerVm(button, 'Stop'),
    checkpoint: (button) => {
      const { sub, vm } = contextOf(button);
      if (!vm) return;
      perform(button, `Take a checkpoint of ${text(vm.Name)}`, [odata('POST', `${vmmRoot(sub)}/VMCheckPoints`,
        { VMId: vm.ID, StampId: vm.StampId, Name: `Checkpoint ${clockStamp(':')}` })]);
    },
    restore: (button) => {
      const { sub, checkpoint } = contextOf(button);
      if (!checkpoint) return;
      perform(button, `Restore checkpoint ${text(checkpoint.Name)}`,
        [odata('PUT', `${vmmRoot(sub)}/${keyPath('VMCheckPoints', checkpoint)}`, { VMCheckPointAction: 'Restore' })]);
    },
    'delete-checkpoint': (button) => {
      const { sub, checkpoint } = contextOf(button);
      if (!checkpoint) return;
      perform(button, `Delete checkpoint ${text(checkpoint.Name)}`,
        [odata('DELETE', `${vmmRoot(sub)}/${keyPath('VMCheckPoints', checkpoint)}`)]);
    },
    'create-vm': (button) => {
      const { sub } = contextOf(button);
      const select = button.closest('.create-vm').querySelector('select.template');
      const template = entities(sub, 'VMTemplates').find((t) => t.ID === select.value);
      const clouds = entities(sub, 'Clouds');
      // The subscription's first cloud, preferring one on the template's stamp (a template serves its own stamp only).
      const cloud = template && (clouds.find((c) => c.StampId === template.StampId) || clouds[0]);
      if (!cloud) return;
      const name = `demo-${clockStamp('')}`;
      perform(button, `Create VM ${name}`, [odata('POST', `${vmmRoot(sub)}/VirtualMachines`, {
        Name: name, ComputerName: name, StampId: cloud.StampId, CloudId: cloud.ID, VMTemplateId: template.ID,
        LocalAdminUserName: 'Administrator', LocalAdminPassword: 'Demo-Passw0rd!', StartVM: true,
      })]);
    },
  };

  function powerVm(button, operation) {
    const { sub, vm } = contextOf(button);
    if (!vm) return;
    perform(button, `${operation} ${text(vm.Name)}`,
      [odata('PUT', `${vmmRoot(sub)}/${keyPath('VirtualMachines', vm)}`, { Operation: operation })]);
  }

  /** The switch adds one 503 rule per write method (a rule has one method), or removes the preset rules. */
  function toggleWriteFaults(checkbox) {
    if (checkbox.checked) {
      perform(checkbox, 'Fail VMM writes', FAULTED_WRITES.map((method) => admin('POST', '/_emulator/faults',
        { method, path: '(?i)/vmm/', status: 503, code: 'ServiceUnavailable', message: FAULT_MESSAGE })));
    } else {
      const preset = faults.filter((rule) => rule.message === FAULT_MESSAGE);
      perform(checkbox, 'Stop failing VMM writes',
        preset.map((rule) => admin('DELETE', `/_emulator/faults/${encodeURIComponent(rule.id)}`)));
    }
  }

  // ---------------------------------------------------------------- the request feed

  const feedEvents = new WeakMap();   // feed item → its request event
  const feedById = new Map();         // event id → feed item, to drop replayed events
  let newestId = 0;
  let firstAfterOpen = true;          // the next request event is the first since the stream (re)opened

  /** The path below the VMM root: that is where requests differ. */
  function shortPath(path) {
    const short = path
      .replace(/^\/[0-9a-f-]{36}\/services\/systemcenter\/vmm/i, '')
      .replace(/^\/SC2012R2\/VMM\/([0-9a-f-]{36}\/)?Microsoft\.Management\.Odata\.svc/i, '')
      .replace(/^\/services\/systemcenter\/SC2012R2\/VMM\/Microsoft\.Management\.Odata\.svc/i, '');
    return short || '/';
  }

  function pathAndQuery(event) {
    return attempt(() => {
      const url = new URL(event.url);
      return url.pathname + url.search;
    }, text(event.path));
  }

  const readable = (value) => attempt(() => decodeURIComponent(value), value);

  function httpText(firstLine, message) {
    const part = message || {};
    const headers = Object.entries(part.headers || {}).map(([name, value]) =>
      `${name}: ${Array.isArray(value) ? value.join(', ') : text(value)}`);
    const cut = part.bodyTruncated ? `\n(cut: ${formatNumber(part.bodySize)} bytes in all)` : '';
    return [firstLine, ...headers, '', text(part.body) + cut].join('\n');
  }

  const statusClass = (status) => `status-${String(status).charAt(0)}xx`;

  function addFeedItem(event) {
    const id = Number(event && event.id);
    if (!Number.isFinite(id)) return;
    // The stream numbers requests; after a reconnect it resends those after the last one seen (a
    // known id is skipped). A known id for another request, or a first id below the newest seen,
    // means the emulator restarted and numbers from 1 again: the old feed goes.
    const known = feedById.get(id);
    const restarted = known ? feedEvents.get(known).time !== event.time : firstAfterOpen && id < newestId;
    firstAfterOpen = false;
    if (known && !restarted) return;
    if (restarted) clearFeed();
    const feed = $('feed');
    if (feedById.size >= FEED_LIMIT && id < Math.min(...feedById.keys())) return;
    const status = Number(event.status) || 0;
    const item = el('li', { class: `feed-item ${statusClass(status)}`, 'data-request-id': id, 'data-method': text(event.method),
      'data-status': status }, [
      el('details', {}, [
        el('summary', {}, [
          el('span', { class: 'feed-line' }, spaced([
            el('span', { class: 'feed-method', text: text(event.method) }),
            el('span', { class: `feed-status ${statusClass(status)}`, text: status ? `${status} ${reason(status)}`.trim() : 'no answer' }),
            el('span', { class: 'feed-path', text: readable(shortPath(pathAndQuery(event))) }),
          ])),
          ' ',
          el('span', { class: 'feed-meta' }, spaced([
            el('time', { datetime: text(event.time), text: formatTime(event.time, TIME_FORMAT) }),
            el('span', { class: 'feed-millis', text: `${formatNumber(event.millis)} ms` }),
            el('span', { class: 'feed-tenant' }),
            el('span', { class: 'feed-job' }),
            el('span', { class: 'feed-own' }),
          ])),
        ]),
        el('h3', { class: 'pre-heading', text: 'Request' }),
        el('pre', { class: 'http', text: httpText(`${text(event.method)} ${pathAndQuery(event)} HTTP/1.1`, event.request) }),
        el('h3', { class: 'pre-heading', text: 'Response' }),
        el('pre', { class: 'http', text: httpText(`HTTP/1.1 ${status} ${reason(status)}`, event.response) }),
      ]),
    ]);
    feedEvents.set(item, event);
    feedById.set(id, item);
    newestId = Math.max(newestId, id);
    insertFeedItem(feed, item, id);
    labelFeedItem(item);
  }

  /** Newest first by id, so replayed or late events land where they belong. */
  function insertFeedItem(feed, item, sortKey) {
    item.dataset.sort = String(sortKey);
    let next = feed.firstElementChild;
    while (next && Number(next.dataset.sort) > sortKey) next = next.nextElementSibling;
    feed.insertBefore(item, next);
    while (feed.children.length > FEED_LIMIT) {
      const oldest = feed.lastElementChild;
      feedById.delete(Number(oldest.getAttribute('data-request-id')));
      oldest.remove();
    }
  }

  function addDroppedLine(count) {
    const n = Number(count) || 0;
    const item = el('li', { class: 'feed-dropped', text: `${n} ${n === 1 ? 'request' : 'requests'} not shown` });
    insertFeedItem($('feed'), item, newestId + 0.5);
  }

  function clearFeed() {
    feedById.clear();
    newestId = 0;
    $('feed').replaceChildren();
  }

  /** Tenant names and job names come from the overview, which may arrive after the request itself. */
  function labelFeedItem(item) {
    const event = feedEvents.get(item);
    if (!event) return;
    const sub = event.subscription ? subscriptionById(event.subscription) : null;
    const tenant = sub ? tenantName(sub) : event.subscription ? text(event.subscription).slice(0, 8) : '';
    const job = event.requestId ? jobsById.get(event.requestId) : null;
    setText(item.querySelector('.feed-tenant'), tenant);
    setText(item.querySelector('.feed-job'), job ? `job: ${text(job.Name)}` : '');
    setText(item.querySelector('.feed-own'), event.requestId && ownRequestIds.has(event.requestId) ? 'sent by this page' : '');
  }

  function labelFeedItems() {
    for (const item of feedById.values()) labelFeedItem(item);
  }

  function setText(node, value) {
    if (node && node.textContent !== value) node.textContent = value;
  }

  // ---------------------------------------------------------------- the live connection

  function setLive(isLive) {
    live = isLive;
    const status = $('live-status');
    setText(status, isLive ? 'Live' : 'Reconnecting…');
    status.className = `live-status ${isLive ? 'is-live' : 'is-reconnecting'}`;
  }

  const parseData = (message) => attempt(() => JSON.parse(message.data), null);

  function connectEvents() {
    const source = new EventSource('/_emulator/events');
    source.addEventListener('open', () => {
      firstAfterOpen = true;
      setLive(true);
      refresh();   // whatever changed while the stream was down
    });
    source.addEventListener('error', () => {
      setLive(false);
      // The browser retries by itself, except after an answer that is not an event stream.
      if (source.readyState === EventSource.CLOSED) setTimeout(connectEvents, 3000);
    });
    source.addEventListener('request', (message) => addFeedItem(parseData(message)));
    source.addEventListener('change', () => refresh());
    source.addEventListener('dropped', (message) => addDroppedLine((parseData(message) || {}).count));
  }

  // ---------------------------------------------------------------- start

  document.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (button && !button.disabled && ACTIONS[button.dataset.action]) ACTIONS[button.dataset.action](button);
  });
  $('fault-writes').addEventListener('change', (event) => toggleWriteFaults(event.target));

  setInterval(paintClock, 1000);
  setInterval(() => {
    if (!live) refresh();   // without the event stream, keep the world roughly current anyway
  }, 5000);
  refresh();
  connectEvents();
}());
