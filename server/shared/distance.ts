// Great-circle distance between two [lon, lat] points in degrees (WGS84), in km on a sphere.

/** Mean earth radius (km), as turf and server/geo/metrics.ts use. */
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/**
 * Haversine distance in km; lon/lat order, degrees.
 * @example haversineKm(69.2, 41.2, 69.2, 41.3); // ≈ 11.12 (0.1° of latitude)
 */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
