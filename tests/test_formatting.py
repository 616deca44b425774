from businesscase.text import formatting as fmt


def test_dutch_and_english_number_formats():
    assert fmt.euro(1234567) == "€ 1.234.567"
    assert fmt.euro(1234567, lang="en") == "€1,234,567"
    assert fmt.euro(-1234.5, 2) == "-€ 1.234,50"
    assert fmt.percent(0.0225) == "2,25%"
    assert fmt.percent(0.0225, lang="en") == "2.25%"
    assert fmt.number(1.4363, 2) == "1,44"
    assert fmt.euro(-0.001) == "€ 0"
    assert fmt.euro(float("nan")) == "–"
