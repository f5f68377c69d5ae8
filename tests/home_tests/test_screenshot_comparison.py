"""The screenshot comparison (`make screenshots`) tells a visible change from rendering noise."""

from PIL import Image, ImageDraw

from ..browser_tests.test_screenshots import TOLERANCE, changed_share


def page_image():
    image = Image.new("RGB", (375, 812), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((16, 16, 359, 80), fill=(30, 107, 63))
    draw.text((24, 120), "Lubelskie Partnerstwo", fill="black")
    return image


def test_an_identical_screenshot_does_not_differ():
    assert changed_share(page_image(), page_image()) == 0


def test_faint_anti_aliasing_noise_stays_below_the_tolerance():
    noisy = page_image()
    for x in range(0, 375, 7):
        red, green, blue = noisy.getpixel((x, 50))
        noisy.putpixel((x, 50), (min(red + 20, 255), green, blue))

    assert changed_share(page_image(), noisy) <= TOLERANCE


def test_a_moved_block_or_a_new_colour_is_a_difference():
    moved = page_image()
    ImageDraw.Draw(moved).rectangle((16, 90, 359, 154), fill=(30, 107, 63))
    recoloured = page_image()
    ImageDraw.Draw(recoloured).rectangle((16, 16, 359, 80), fill=(179, 38, 30))

    assert changed_share(page_image(), moved) > TOLERANCE
    assert changed_share(page_image(), recoloured) > TOLERANCE


def test_a_page_of_another_height_is_entirely_different():
    assert changed_share(page_image(), Image.new("RGB", (375, 900), "white")) == 1.0
