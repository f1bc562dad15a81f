package org.sluice.audit.alert;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.sluice.events.json.Json;
import org.sluice.events.security.SecurityAlert;
import org.sluice.events.security.Severity;

/** Reads stored alerts, newest first. */
@ApplicationScoped
public class AlertRepository {

    private final DataSource dataSource;

    public AlertRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Alerts raised by entries before index {@code before}, newest first. */
    public List<SecurityAlert> newest(long before, int limit) {
        List<SecurityAlert> alerts = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT alert_id, rule, severity, summary, evidence, subjects,"
                                + " window_start, window_end FROM alert WHERE trigger_idx < ?"
                                + " ORDER BY trigger_idx DESC, alert_id LIMIT ?")) {
            ps.setLong(1, before);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    @SuppressWarnings("unchecked")
                    Map<String, String> subjects = Json.mapper().readValue(rs.getString(6), Map.class);
                    alerts.add(new SecurityAlert(
                            rs.getString(1),
                            rs.getString(2),
                            Severity.valueOf(rs.getString(3)),
                            rs.getString(4),
                            Arrays.asList((Long[]) rs.getArray(5).getArray()),
                            subjects,
                            rs.getTimestamp(7).toInstant(),
                            rs.getTimestamp(8).toInstant()));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read alerts", e);
        }
        return alerts;
    }
}
