// Progressive enhancement for the borough maps on the home page: a click anywhere on a
// map turns the place clicked back into longitude and latitude (undoing the projection
// the server drew the map with) and goes to the point lookup page. Without JavaScript,
// or from the keyboard, the areas on the map are ordinary links.
function pointFor(svg, event) {
  const ctm = svg.getScreenCTM();
  if (!ctm) return null;
  const point = svg.createSVGPoint();
  point.x = event.clientX;
  point.y = event.clientY;
  const p = point.matrixTransform(ctm.inverse());
  const d = svg.dataset;
  const lon = Number(d.minLon) + (p.x - Number(d.offsetX)) / (Number(d.kx) * Number(d.scale));
  const lat = Number(d.maxLat) - (p.y - Number(d.offsetY)) / Number(d.scale);
  return { lon: lon.toFixed(6), lat: lat.toFixed(6) };
}

for (const svg of document.querySelectorAll('svg[data-module="cw-point-map"]')) {
  svg.classList.add("cw-map--clickable");
  svg.addEventListener("click", (event) => {
    if (event.detail === 0) return; // Enter on a focused link: follow the link.
    const where = pointFor(svg, event);
    if (!where) return;
    event.preventDefault();
    const url = new URL(svg.dataset.pointUrl, window.location.href);
    url.searchParams.set("lon", where.lon);
    url.searchParams.set("lat", where.lat);
    window.location.assign(url.toString());
  });
}
