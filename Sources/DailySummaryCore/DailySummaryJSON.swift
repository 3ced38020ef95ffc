extension DailySummary {
    /// The report as deterministic JSON text, ending in a newline.
    ///
    /// Keys come in the order of the schema; maps keyed by status or currency are sorted,
    /// so the same data always gives the same bytes.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.integer("schema_version", DailySummary.schemaVersion)
        writer.string("report_date", window.day.description)
        writer.string("timezone", window.timeZoneIdentifier)
        writeWindow(&writer)
        writer.string("generated_at", metadata.generatedAt.iso8601(utcOffsetSeconds: nil))
        writer.beginObject("generator")
        writer.string("name", metadata.generatorName)
        writer.string("version", metadata.generatorVersion)
        writer.endObject()
        writeSource(&writer)
        writeOrders(&writer)
        writeSales(&writer)
        writer.beginObject("users")
        writer.integer("unique", users.unique)
        writer.integer("buyers", users.buyers)
        writer.integer("repeat", users.repeat)
        writer.endObject()
        writeHourly(&writer)
        writer.endObject()
        return writer.text
    }

    private func writeWindow(_ writer: inout JSONWriter) {
        writer.beginObject("window")
        writer.string("start", window.start.iso8601(utcOffsetSeconds: window.startUTCOffsetSeconds))
        writer.string("end", window.end.iso8601(utcOffsetSeconds: window.endUTCOffsetSeconds))
        writer.integer("hours", window.hours.count)
        writer.endObject()
    }

    private func writeSource(_ writer: inout JSONWriter) {
        writer.beginObject("source")
        writer.string("relation", metadata.relation)
        writer.integer("rows_read", rowsRead)
        writer.integer("rows_rejected", rowsRejected)
        writer.endObject()
    }

    private func writeOrders(_ writer: inout JSONWriter) {
        writer.beginObject("orders")
        writer.integer("count", orderCount)
        writer.beginObject("by_status")
        for status in byStatus {
            writer.beginObject(status.status)
            writer.integer("count", status.count)
            writeCurrencyMap("amount", status.amounts, &writer)
            writer.endObject()
        }
        writer.endObject()
        writer.endObject()
    }

    private func writeSales(_ writer: inout JSONWriter) {
        writer.beginObject("sales")
        for currency in sales {
            writer.beginObject(currency.currency.description)
            writer.integer("orders", currency.orders)
            writer.string("total", currency.total)
            writer.string("average", currency.average)
            writer.string("min", currency.minimum)
            writer.string("max", currency.maximum)
            writer.string("median", currency.median)
            writer.string("p90", currency.p90)
            writer.endObject()
        }
        writer.endObject()
    }

    private func writeHourly(_ writer: inout JSONWriter) {
        writer.beginArray("hourly")
        for hour in hourly {
            writer.beginObject()
            writer.string("start", hour.start)
            writer.integer("orders", hour.orders)
            writeCurrencyMap("sales", hour.sales, &writer)
            writer.endObject()
        }
        writer.endArray()
    }

    private func writeCurrencyMap(
        _ key: String, _ values: [(CurrencyCode, String)], _ writer: inout JSONWriter
    ) {
        writer.beginObject(key)
        for (currency, amount) in values { writer.string(currency.description, amount) }
        writer.endObject()
    }
}
